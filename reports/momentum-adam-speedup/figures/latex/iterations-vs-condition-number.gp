# iterations-vs-condition-number.gp — figure written by the Gnuplot module of LectureClaims ("Iterations to ‖w‖ ≤ 10⁻⁶·‖w₀‖, each method tuned on its grid").
# Reproduce: cd figures/latex && gnuplot iterations-vs-condition-number.gp   (writes iterations-vs-condition-number.tex and the iterations-vs-condition-number.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/iterations-vs-condition-number.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/iterations-vs-condition-number.tsv"

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

set title "Iterations to $\\|$w$\\|$ $\\leq$ 10$^{-6}\\cdot\\|$w$_{0}\\|$, each method tuned on its grid" noenhanced
set xlabel "condition number $\\kappa$" noenhanced
set ylabel "iterations" noenhanced
unset y2label
unset cblabel
unset logscale
set logscale x 10
set format x "$10^{%L}$"
set logscale y 10
set format y "$10^{%L}$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [0.8:1250]
set yrange [0.7:*]
set y2range [*:*]
set cbrange [*:*]
set xtics autofreq enhanced nomirror out
set ytics autofreq enhanced nomirror out
unset y2tics
set border 3
set grid xtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
unset arrow
curve1(x) = log(1e6)/(-log((x-1)/(x+1)))
curve2(x) = log(1e6)/(-log((sqrt(x)-1)/(sqrt(x)+1)))
set arrow 1 from first 100, graph 0 to first 100, graph 1 nohead back ls 102

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,9cm font ",7" fontscale 1 linewidth 1.076923 pointscale 0.957265 dashlength 1.5 rounded header "\\scriptsize"; set output "iterations-vs-condition-number.tex" }
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#D55E00" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        curve1(x) with lines ls 100 title "theory: GD, best $\\eta$" noenhanced, \
        curve2(x) with lines ls 101 title "theory: heavy ball, best $\\eta$ and $\\mu$" noenhanced, \
        data index 1 using 1:2 with linespoints ls 4 title "SGD" noenhanced, \
        data index 3 using 1:2 with linespoints ls 2 title "momentum" noenhanced, \
        data index 5 using 1:2 with linespoints ls 1 title "Adam" noenhanced
    unset output
}
