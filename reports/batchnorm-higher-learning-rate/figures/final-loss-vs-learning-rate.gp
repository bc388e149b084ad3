# final-loss-vs-learning-rate.gp — figure written by the Gnuplot module of LectureClaims ("Final training loss against learning rate (plain SGD)").
# Reproduce: cd figures && gnuplot final-loss-vs-learning-rate.gp   (writes final-loss-vs-learning-rate.svg, final-loss-vs-learning-rate.png, final-loss-vs-learning-rate.pdf)
# Data: ../data/final-loss-vs-learning-rate.tsv, one block per series, read with `index k`.
set encoding utf8
data = "../data/final-loss-vs-learning-rate.tsv"

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

set title "Final training loss against learning rate (plain SGD)" noenhanced
set xlabel "learning rate η (log scale)" noenhanced
set ylabel "final training loss" noenhanced
unset y2label
unset cblabel
unset logscale
set logscale x 10
set format x "10^{%L}"
set format y "% h"
set format y2 "% h"
set format cb "% h"
set xrange [0.006666667:26.67419]
set yrange [0:5]
set y2range [*:*]
set cbrange [*:*]
set xtics autofreq enhanced nomirror out
set ytics autofreq enhanced nomirror out
unset y2tics
set border 3
set grid xtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
unset arrow
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead back ls 100
set arrow 2 from graph 0, first 2.302585 to graph 1, first 2.302585 nohead back ls 101

do for [format in "svg png pdf"] {
    if (format eq "svg") { set terminal svg size 720,520 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "final-loss-vs-learning-rate.svg" }
    if (format eq "png") { set terminal pngcairo size 1440,1040 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "final-loss-vs-learning-rate.png" }
    if (format eq "pdf") { set terminal pdfcairo size 5.625in,4.0625in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "final-loss-vs-learning-rate.pdf" }
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 3 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 1 using 1:2 with linespoints ls 1 title "without batch norm" noenhanced, \
        data index 2 using 1:2 with points ls 4 title "without batch norm: diverged (NaN/∞ loss)" noenhanced, \
        data index 4 using 1:2 with linespoints ls 2 title "with batch norm" noenhanced, \
        NaN with lines ls 100 title "trained: loss < 1" noenhanced, \
        NaN with lines ls 101 title "chance: ln 10" noenhanced
    unset output
}
