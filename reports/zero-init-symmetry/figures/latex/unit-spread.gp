# unit-spread.gp — figure written by the Gnuplot module of LectureClaims ("A 784-64-64-10 tanh net trained from symmetric starts").
# Reproduce: cd figures/latex && gnuplot unit-spread.gp   (writes unit-spread.tex and the unit-spread.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/unit-spread.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/unit-spread.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.6cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "unit-spread.tex" }
    set multiplot layout 1,2 title "A 784-64-64-10 tanh net trained from symmetric starts" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "Spread of the layer-1 units" noenhanced
    set xlabel "training step" noenhanced
    set ylabel "max\\_j $\\|$w\\_j $-$ w\\_1$\\|$ / $\\|$W$_{1}\\|$" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0:1000]
    set yrange [1e-12:3]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 500 enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    set arrow 1 from graph 0, first 1e-06 to graph 1, first 1e-06 nohead back ls 100
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#CC79A7" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 1 using 1:2 with lines ls 6 title "constant, Float64" noenhanced, \
        data index 3 using 1:2 with lines ls 5 title "constant, Float32" noenhanced, \
        data index 5 using 1:2 with lines ls 7 title "constant W$_{1}$, random W$_{2}$" noenhanced, \
        data index 7 using 1:2 with lines ls 3 title "random" noenhanced, \
        NaN with lines ls 100 title "rule: 10$^{-6}$" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "Training loss" noenhanced
    set xlabel "training step" noenhanced
    set ylabel "cross-entropy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0:1000]
    set yrange [0:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 500 enhanced nomirror out
    set ytics 1 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
    unset arrow
    set arrow 1 from graph 0, first 2.302585 to graph 1, first 2.302585 nohead back ls 100
    plot \
        data index 8 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#CC79A7" notitle, \
        data index 10 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 12 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 14 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 16 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 9 using 1:2 with lines ls 6 title "constant, Float64" noenhanced, \
        data index 11 using 1:2 with lines ls 5 title "constant, Float32" noenhanced, \
        data index 13 using 1:2 with lines ls 7 title "constant W$_{1}$, random W$_{2}$" noenhanced, \
        data index 15 using 1:2 with lines ls 3 title "random" noenhanced, \
        data index 17 using 1:2 with lines ls 2 title "zeros, Float64" noenhanced, \
        NaN with lines ls 100 title "ln 10 (chance)" noenhanced
    unset multiplot
    unset output
}
