# accuracy-by-epoch.gp — figure written by the Gnuplot module of LectureClaims ("Training accuracy by batch size: BN (left) and LN (right)").
# Reproduce: cd figures && gnuplot accuracy-by-epoch.gp   (writes accuracy-by-epoch.svg, accuracy-by-epoch.png, accuracy-by-epoch.pdf)
# Data: ../data/accuracy-by-epoch.tsv, one block per series, read with `index k`.
set encoding utf8
data = "../data/accuracy-by-epoch.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…3, reference lines 100…102.
set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
set style line 3 lc rgb "#009E73" lw 2 dt (2,3) pt 9 ps 0.9
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
    if (format eq "svg") { set terminal svg size 900,860 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "accuracy-by-epoch.svg" }
    if (format eq "png") { set terminal pngcairo size 1800,1720 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "accuracy-by-epoch.png" }
    if (format eq "pdf") { set terminal pdfcairo size 7.03125in,6.71875in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "accuracy-by-epoch.pdf" }
    set multiplot layout 2,2 title "Training accuracy by batch size: BN (left) and LN (right)" noenhanced
    # Panel 1 of 4 (row 1, column 1)
    set title "BN, η ∝ batch size" noenhanced
    set xlabel "epoch" noenhanced
    set ylabel "training accuracy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [1:10]
    set yrange [0.2:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 5 enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
    unset arrow
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 1 using 1:2 with lines ls 1 title "batch 5 (η = 1e-4)" noenhanced, \
        data index 3 using 1:2 with lines ls 2 title "batch 10 (η = 2e-4)" noenhanced, \
        data index 5 using 1:2 with lines ls 3 title "batch 50 (η = 0.001)" noenhanced
    # Panel 2 of 4 (row 1, column 2)
    set title "LN, η ∝ batch size" noenhanced
    set xlabel "epoch" noenhanced
    set ylabel "training accuracy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [1:10]
    set yrange [0.2:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 5 enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
    unset arrow
    plot \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 8 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 10 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 7 using 1:2 with lines ls 1 title "batch 5 (η = 1e-4)" noenhanced, \
        data index 9 using 1:2 with lines ls 2 title "batch 10 (η = 2e-4)" noenhanced, \
        data index 11 using 1:2 with lines ls 3 title "batch 50 (η = 0.001)" noenhanced
    # Panel 3 of 4 (row 2, column 1)
    set title "BN, η fixed (CS231n)" noenhanced
    set xlabel "epoch" noenhanced
    set ylabel "training accuracy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [1:10]
    set yrange [0.2:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 5 enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
    unset arrow
    plot \
        data index 12 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 14 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 16 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 13 using 1:2 with lines ls 1 title "batch 5 (η = 0.001)" noenhanced, \
        data index 15 using 1:2 with lines ls 2 title "batch 10 (η = 0.001)" noenhanced, \
        data index 17 using 1:2 with lines ls 3 title "batch 50 (η = 0.001)" noenhanced
    # Panel 4 of 4 (row 2, column 2)
    set title "LN, η fixed (CS231n)" noenhanced
    set xlabel "epoch" noenhanced
    set ylabel "training accuracy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [1:10]
    set yrange [0.2:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 5 enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
    unset arrow
    plot \
        data index 18 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 20 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 22 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 19 using 1:2 with lines ls 1 title "batch 5 (η = 0.001)" noenhanced, \
        data index 21 using 1:2 with lines ls 2 title "batch 10 (η = 0.001)" noenhanced, \
        data index 23 using 1:2 with lines ls 3 title "batch 50 (η = 0.001)" noenhanced
    unset multiplot
    unset output
}
