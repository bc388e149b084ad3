# median-drift.gp — figure written by the Gnuplot module of LectureClaims ("Drift of the median sigmoid input, all 100 units of the last hidden layer").
# Reproduce: cd figures && gnuplot median-drift.gp   (writes median-drift.svg, median-drift.png, median-drift.pdf)
# Data: ../data/median-drift.tsv, one block per series, read with `index k`.
set encoding utf8
data = "../data/median-drift.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…2, reference lines 100…102.
set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
set border lc rgb "#404040" back
set tics textcolor rgb "#404040" scale 0.6, 0.3
set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
set style fill solid border
set samples 400
set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

do for [format in "svg png pdf"] {
    if (format eq "svg") { set terminal svg size 900,440 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "median-drift.svg" }
    if (format eq "png") { set terminal pngcairo size 1800,880 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "median-drift.png" }
    if (format eq "pdf") { set terminal pdfcairo size 7.03125in,3.4375in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "median-drift.pdf" }
    set multiplot layout 1,2 title "Drift of the median sigmoid input, all 100 units of the last hidden layer" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "per-unit median drift, step 0 → 3000" noenhanced
    set xlabel "median(end) − median(step 0) of a unit's sigmoid input" noenhanced
    set ylabel "units (all seeds)" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [*:*]
    set yrange [0:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 2 enhanced nomirror out
    set ytics 50 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
    unset arrow
    set arrow 1 from first 0, graph 0 to first 0, graph 1 nohead back ls 100
    plot \
        data index 0 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" title "with BN" noenhanced, \
        data index 1 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#E69F00" lc rgb "#E69F00" title "without BN" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "mean |median drift| over the 100 units" noenhanced
    set xlabel "training step" noenhanced
    set ylabel "mean |median(t) − median(0)|" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [0:3000]
    set yrange [0:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1000 enhanced nomirror out
    set ytics 0.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
    unset arrow
    plot \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 3 using 1:2 with lines ls 1 title "with BN" noenhanced, \
        data index 5 using 1:2 with lines ls 2 title "without BN" noenhanced
    unset multiplot
    unset output
}
