# gradient-variance.gp — figure written by the Gnuplot module of LectureClaims ("Variance of the mini-batch gradient (no normalisation, at initialisation)").
# Reproduce: cd figures/latex && gnuplot gradient-variance.gp   (writes gradient-variance.tex and the gradient-variance.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/gradient-variance.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/gradient-variance.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…4, reference lines 100…102.
set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
set style line 3 lc rgb "#009E73" lw 2 dt (2,3) pt 9 ps 0.9
set style line 4 lc rgb "#D55E00" lw 2 dt (10,3,2,3) pt 11 ps 0.9
set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
set border lc rgb "#404040" back
set tics textcolor rgb "#404040" scale 0.6, 0.3
set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
set style fill solid border
set samples 400
set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

set title "Variance of the mini-batch gradient (no normalisation, at initialisation)" noenhanced
set xlabel "batch size B" noenhanced
set ylabel "E$\\|$g\\_B $-$ $\\bar{g}\\|^{2}$" noenhanced
unset y2label
unset cblabel
unset logscale
set logscale x 10
set format x "$% g$"
set logscale y 10
set format y "$10^{%L}$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [0.8:320]
set yrange [*:*]
set y2range [*:*]
set cbrange [*:*]
set xtics (1, 2, 4, 8, 16, 32, 64, 128, 256) enhanced nomirror out
set ytics autofreq enhanced nomirror out
unset y2tics
set border 3
set grid xtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
unset arrow
curve1(x) = 1421.221715133088/x

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,9.47cm font ",7" fontscale 1 linewidth 1.076923 pointscale 0.957265 dashlength 1.5 rounded header "\\scriptsize"; set output "gradient-variance.tex" }
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#D55E00" notitle, \
        data index 1 using 1:2 with linespoints ls 4 title "one batch of B (fitted slope $-$1.00)" noenhanced, \
        curve1(x) with lines ls 100 title "slope $-$1" noenhanced
    unset output
}
