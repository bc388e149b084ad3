# training-error-vs-step.gp — figure written by the Gnuplot module of LectureClaims ("Training error on a fixed probe, each activation at its tuned learning rate").
# Reproduce: cd figures/latex && gnuplot training-error-vs-step.gp   (writes training-error-vs-step.tex and the training-error-vs-step.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/training-error-vs-step.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/training-error-vs-step.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…7, reference lines 100…102.
set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
set style line 3 lc rgb "#009E73" lw 2 dt (2,3) pt 9 ps 0.9
set style line 4 lc rgb "#D55E00" lw 2 dt (10,3,2,3) pt 11 ps 0.9
set style line 5 lc rgb "#56B4E9" lw 2 dt (5,5) pt 13 ps 0.9
set style line 6 lc rgb "#CC79A7" lw 2 dt (12,4,2,4,2,4) pt 6 ps 0.9
set style line 7 lc rgb "#000000" lw 2 dt (3,6) pt 4 ps 0.9
set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
set border lc rgb "#404040" back
set tics textcolor rgb "#404040" scale 0.6, 0.3
set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
set style fill solid border
set samples 400
set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

set title "Training error on a fixed probe, each activation at its tuned learning rate" noenhanced
set xlabel "step (SGD + momentum 0.9, batch 128)" noenhanced
set ylabel "training error" noenhanced
unset y2label
unset cblabel
unset logscale
set logscale x 10
set format x "$% g$"
set logscale y 10
set format y "$% g$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [22.5:1000]
set yrange [0.1:1]
set y2range [*:*]
set cbrange [*:*]
set xtics (25, 50, 100, 200, 500, 1000) enhanced nomirror out
set ytics (0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 0.9) enhanced nomirror out
unset y2tics
set border 3
set grid xtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
unset arrow
set arrow 1 from graph 0, first 0.15 to graph 1, first 0.15 nohead back ls 100

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,8cm font ",7" fontscale 1 linewidth 1.076923 pointscale 0.957265 dashlength 1.5 rounded header "\\scriptsize"; set output "training-error-vs-step.tex" }
    plot \
        NaN with lines ls 100 title "target: 15\\% error" noenhanced, \
        data index 0 using 1:2 with linespoints ls 3 title "ReLU, $\\eta$ = 0.03" noenhanced, \
        data index 1 using 1:2 with linespoints ls 3 notitle, \
        data index 2 using 1:2 with linespoints ls 3 notitle, \
        data index 3 using 1:2 with linespoints ls 3 notitle, \
        data index 4 using 1:2 with linespoints ls 3 notitle, \
        data index 5 using 1:2 with linespoints ls 5 title "tanh, $\\eta$ = 0.03" noenhanced, \
        data index 6 using 1:2 with linespoints ls 5 notitle, \
        data index 7 using 1:2 with linespoints ls 5 notitle, \
        data index 8 using 1:2 with linespoints ls 5 notitle, \
        data index 9 using 1:2 with linespoints ls 5 notitle, \
        data index 10 using 1:2 with lines ls 2 title "sigmoid, $\\eta$ = 0.1" noenhanced, \
        data index 11 using 1:2 with lines ls 2 notitle, \
        data index 12 using 1:2 with lines ls 2 notitle, \
        data index 13 using 1:2 with lines ls 2 notitle, \
        data index 14 using 1:2 with lines ls 2 notitle, \
        data index 15 using 1:2 with lines ls 7 title "sigmoid, $\\sigma'$ $\\times$ 4 (control), $\\eta$ = 0.01" noenhanced, \
        data index 16 using 1:2 with lines ls 7 notitle, \
        data index 17 using 1:2 with lines ls 7 notitle, \
        data index 18 using 1:2 with lines ls 7 notitle, \
        data index 19 using 1:2 with lines ls 7 notitle
    unset output
}
