# mlp-training-loss.gp — figure written by the Gnuplot module of LectureClaims ("784-256-256-10 ReLU on Fashion-MNIST, each optimizer at its tuned η").
# Reproduce: cd figures/latex && gnuplot mlp-training-loss.gp   (writes mlp-training-loss.tex and the mlp-training-loss.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/mlp-training-loss.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/mlp-training-loss.tsv"

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

set title "784-256-256-10 ReLU on Fashion-MNIST, each optimizer at its tuned $\\eta$" noenhanced
set xlabel "step" noenhanced
set ylabel "training loss (window mean)" noenhanced
unset y2label
unset cblabel
unset logscale
set format x "$% h$"
set logscale y 10
set format y "$% g$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [0:600]
set yrange [0.15:4]
set y2range [*:*]
set cbrange [*:*]
set xtics autofreq enhanced nomirror out
set ytics (0.2, 0.3, 0.5, 1, 2, 3) enhanced nomirror out
unset y2tics
set border 3
set grid xtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
unset arrow

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.5cm font ",7" fontscale 1 linewidth 1.076923 pointscale 0.957265 dashlength 1.5 rounded header "\\scriptsize"; set output "mlp-training-loss.tex" }
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#D55E00" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 1 using 1:2 with lines ls 4 title "SGD, $\\eta$ = 0.3" noenhanced, \
        data index 3 using 1:2 with lines ls 2 title "momentum, $\\eta$ = 0.03" noenhanced, \
        data index 5 using 1:2 with lines ls 1 title "Adam, $\\eta$ = 0.001" noenhanced
    unset output
}
