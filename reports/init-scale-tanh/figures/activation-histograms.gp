# activation-histograms.gp — figure written by the Gnuplot module of LectureClaims ("tanh activations per layer, 10 × 500 net (rows: init; columns: layer)").
# Reproduce: cd figures && gnuplot activation-histograms.gp   (writes activation-histograms.svg, activation-histograms.png, activation-histograms.pdf)
# Data: ../data/activation-histograms.tsv, one block per series, read with `index k`.
set encoding utf8
data = "../data/activation-histograms.tsv"

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

do for [format in "svg png pdf"] {
    if (format eq "svg") { set terminal svg size 1400,720 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "activation-histograms.svg" }
    if (format eq "png") { set terminal pngcairo size 2800,1440 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "activation-histograms.png" }
    if (format eq "pdf") { set terminal pdfcairo size 10.9375in,5.625in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "activation-histograms.pdf" }
    set multiplot layout 3,10 title "tanh activations per layer, 10 × 500 net (rows: init; columns: layer)" noenhanced
    # Panel 1 of 30 (row 1, column 1)
    set title "layer 1" noenhanced
    unset xlabel
    set ylabel "std 0.01: % of h" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 0 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 2 of 30 (row 1, column 2)
    set title "layer 2" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 1 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 3 of 30 (row 1, column 3)
    set title "layer 3" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 2 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 4 of 30 (row 1, column 4)
    set title "layer 4" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 3 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 5 of 30 (row 1, column 5)
    set title "layer 5" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 4 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 6 of 30 (row 1, column 6)
    set title "layer 6" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 5 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 7 of 30 (row 1, column 7)
    set title "layer 7" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 6 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 8 of 30 (row 1, column 8)
    set title "layer 8" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 7 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 9 of 30 (row 1, column 9)
    set title "layer 9" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 8 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 10 of 30 (row 1, column 10)
    set title "layer 10" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 9 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
    # Panel 11 of 30 (row 2, column 1)
    set title "layer 1" noenhanced
    unset xlabel
    set ylabel "std 1.0: % of h" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 10 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 12 of 30 (row 2, column 2)
    set title "layer 2" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 11 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 13 of 30 (row 2, column 3)
    set title "layer 3" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 12 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 14 of 30 (row 2, column 4)
    set title "layer 4" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 13 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 15 of 30 (row 2, column 5)
    set title "layer 5" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 14 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 16 of 30 (row 2, column 6)
    set title "layer 6" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 15 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 17 of 30 (row 2, column 7)
    set title "layer 7" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 16 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 18 of 30 (row 2, column 8)
    set title "layer 8" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 17 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 19 of 30 (row 2, column 9)
    set title "layer 9" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 18 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 20 of 30 (row 2, column 10)
    set title "layer 10" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:60]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 20 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 19 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 21 of 30 (row 3, column 1)
    set title "layer 1" noenhanced
    set xlabel "h" noenhanced
    set ylabel "Xavier: % of h" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 20 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 22 of 30 (row 3, column 2)
    set title "layer 2" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 21 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 23 of 30 (row 3, column 3)
    set title "layer 3" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 22 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 24 of 30 (row 3, column 4)
    set title "layer 4" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 23 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 25 of 30 (row 3, column 5)
    set title "layer 5" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 24 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 26 of 30 (row 3, column 6)
    set title "layer 6" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 25 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 27 of 30 (row 3, column 7)
    set title "layer 7" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 26 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 28 of 30 (row 3, column 8)
    set title "layer 8" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 27 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 29 of 30 (row 3, column 9)
    set title "layer 9" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 28 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    # Panel 30 of 30 (row 3, column 10)
    set title "layer 10" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-1.15:1.15]
    set yrange [0:10]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1 enhanced nomirror out
    set ytics 2.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 29 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#009E73" lc rgb "#009E73" notitle
    unset multiplot
    unset output
}
