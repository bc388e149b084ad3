# dead-fraction-vs-learning-rate.gp — figure written by the Gnuplot module of LectureClaims ("Dead ReLUs after training, 784-256-256-256-10").
# Reproduce: cd figures/latex && gnuplot dead-fraction-vs-learning-rate.gp   (writes dead-fraction-vs-learning-rate.tex and the dead-fraction-vs-learning-rate.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/dead-fraction-vs-learning-rate.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/dead-fraction-vs-learning-rate.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…6, reference lines 100…102.
set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
set style line 3 lc rgb "#009E73" lw 2 dt (2,3) pt 9 ps 0.9
set style line 4 lc rgb "#D55E00" lw 2 dt (10,3,2,3) pt 11 ps 0.9
set style line 5 lc rgb "#56B4E9" lw 2 dt (5,5) pt 13 ps 0.9
set style line 6 lc rgb "#CC79A7" lw 2 dt (12,4,2,4,2,4) pt 6 ps 0.9
set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
set border lc rgb "#404040" back
set tics textcolor rgb "#404040" scale 0.6, 0.3
set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
set style fill solid border
set samples 400
set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.06cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "dead-fraction-vs-learning-rate.tex" }
    set multiplot layout 1,2 title "Dead ReLUs after training, 784-256-256-256-10" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "Adam, 600 steps" noenhanced
    set xlabel "learning rate $\\eta$" noenhanced
    set ylabel "fraction of units never positive" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set logscale x 10
    set format x "$10^{%L}$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.000625:0.048]
    set yrange [-0.02:1.15]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics autofreq enhanced nomirror out
    set ytics 0.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
    unset arrow
    set arrow 1 from graph 0, first 1.1 to graph 1, first 1.1 nohead back ls 100
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#D55E00" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#CC79A7" notitle, \
        data index 8 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 1 using 1:2 with linespoints ls 5 title "layer 1" noenhanced, \
        data index 3 using 1:2 with linespoints ls 4 title "layer 3" noenhanced, \
        data index 5 using 1:2 with linespoints ls 3 title "ReLU, all layers" noenhanced, \
        data index 7 using 1:2 with linespoints ls 6 title "leaky ReLU (control), all layers" noenhanced, \
        data index 9 using 1:2 with linespoints ls 2 title "ReLU with biases 0.01, all layers" noenhanced, \
        data index 10 using 1:2 with points ls 3 notitle, \
        NaN with lines ls 100 title "diverged (loss NaN): marker on this line" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "SGD, 600 steps" noenhanced
    set xlabel "learning rate $\\eta$" noenhanced
    set ylabel "fraction of units never positive" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set logscale x 10
    set format x "$10^{%L}$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.00625:1.6]
    set yrange [-0.02:1.15]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics autofreq enhanced nomirror out
    set ytics 0.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    set arrow 1 from graph 0, first 1.1 to graph 1, first 1.1 nohead back ls 100
    plot \
        data index 11 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 13 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#D55E00" notitle, \
        data index 15 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 12 using 1:2 with linespoints ls 5 title "layer 1" noenhanced, \
        data index 14 using 1:2 with linespoints ls 4 title "layer 3" noenhanced, \
        data index 16 using 1:2 with linespoints ls 3 title "ReLU, all layers" noenhanced, \
        data index 17 using 1:2 with points ls 3 notitle, \
        NaN with lines ls 100 title "diverged (loss NaN): marker on this line" noenhanced
    unset multiplot
    unset output
}
