# saturation-per-layer.gp — figure written by the Gnuplot module of LectureClaims ("10 layers of 500, no bias, input randn(1000, 500)").
# Reproduce: cd figures/latex && gnuplot saturation-per-layer.gp   (writes saturation-per-layer.tex and the saturation-per-layer.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/saturation-per-layer.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/saturation-per-layer.tsv"

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

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,13.57cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "saturation-per-layer.tex" }
    set multiplot layout 3,2 title "10 layers of 500, no bias, input randn(1000, 500)" noenhanced
    # Panel 1 of 6 (row 1, column 1)
    set title "W \\~{} N(0, 1)" noenhanced
    set xlabel "" noenhanced
    set ylabel "saturated fraction" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:10.2]
    set yrange [0:1.05]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) enhanced nomirror out
    set ytics 0.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead back ls 100
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 1 using 1:2 with linespoints ls 5 title "tanh" noenhanced, \
        data index 3 using 1:2 with linespoints ls 2 title "sigmoid" noenhanced, \
        data index 5 using 1:2 with linespoints ls 7 title "softsign x/(1+$|$x$|$) (control)" noenhanced, \
        NaN with lines ls 100 title "the rule's threshold" noenhanced
    # Panel 2 of 6 (row 1, column 2)
    set title "Xavier, W \\~{} N(0, 1/fan\\_in)" noenhanced
    set xlabel "" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:10.2]
    set yrange [0:0.1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) enhanced nomirror out
    set ytics 0.025 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key top right inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    set arrow 1 from graph 0, first 0.05 to graph 1, first 0.05 nohead back ls 100
    plot \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 8 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 10 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 7 using 1:2 with linespoints ls 5 title "tanh" noenhanced, \
        data index 9 using 1:2 with linespoints ls 2 title "sigmoid" noenhanced, \
        data index 11 using 1:2 with linespoints ls 7 title "softsign x/(1+$|$x$|$) (control)" noenhanced, \
        NaN with lines ls 100 title "the rule's threshold" noenhanced
    # Panel 3 of 6 (row 2, column 1)
    unset title
    set xlabel "" noenhanced
    set ylabel "$|$mean activation$|$" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:10.2]
    set yrange [1e-06:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    set arrow 1 from graph 0, first 0.02 to graph 1, first 0.02 nohead back ls 100
    plot \
        data index 12 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 14 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 16 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 13 using 1:2 with linespoints ls 5 title "tanh" noenhanced, \
        data index 15 using 1:2 with linespoints ls 2 title "sigmoid" noenhanced, \
        data index 17 using 1:2 with linespoints ls 7 title "softsign x/(1+$|$x$|$) (control)" noenhanced, \
        NaN with lines ls 100 title "the rule's threshold" noenhanced
    # Panel 4 of 6 (row 2, column 2)
    unset title
    set xlabel "" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:10.2]
    set yrange [1e-06:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    set arrow 1 from graph 0, first 0.02 to graph 1, first 0.02 nohead back ls 100
    plot \
        data index 18 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 20 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 22 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 19 using 1:2 with linespoints ls 5 title "tanh" noenhanced, \
        data index 21 using 1:2 with linespoints ls 2 title "sigmoid" noenhanced, \
        data index 23 using 1:2 with linespoints ls 7 title "softsign x/(1+$|$x$|$) (control)" noenhanced, \
        NaN with lines ls 100 title "the rule's threshold" noenhanced
    # Panel 5 of 6 (row 3, column 1)
    unset title
    set xlabel "layer l" noenhanced
    set ylabel "mean f$'$(z) / max f$'$" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:10.2]
    set yrange [0:0.15]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) enhanced nomirror out
    set ytics 0.05 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 24 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 26 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 28 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 25 using 1:2 with linespoints ls 5 title "tanh" noenhanced, \
        data index 27 using 1:2 with linespoints ls 2 title "sigmoid" noenhanced, \
        data index 29 using 1:2 with linespoints ls 7 title "softsign x/(1+$|$x$|$) (control)" noenhanced
    # Panel 6 of 6 (row 3, column 2)
    unset title
    set xlabel "layer l" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:10.2]
    set yrange [0:1.05]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 3, 4, 5, 6, 7, 8, 9, 10) enhanced nomirror out
    set ytics 0.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 30 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 32 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 34 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 31 using 1:2 with linespoints ls 5 title "tanh" noenhanced, \
        data index 33 using 1:2 with linespoints ls 2 title "sigmoid" noenhanced, \
        data index 35 using 1:2 with linespoints ls 7 title "softsign x/(1+$|$x$|$) (control)" noenhanced
    unset multiplot
    unset output
}
