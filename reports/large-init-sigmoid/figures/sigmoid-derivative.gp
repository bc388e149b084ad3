# sigmoid-derivative.gp — figure written by the Gnuplot module of LectureClaims ("Local gradient σ′(a) of the hidden units at initialisation").
# Reproduce: cd figures && gnuplot sigmoid-derivative.gp   (writes sigmoid-derivative.svg, sigmoid-derivative.png, sigmoid-derivative.pdf)
# Data: ../data/sigmoid-derivative.tsv, one block per series, read with `index k`.
set encoding utf8
data = "../data/sigmoid-derivative.tsv"

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

set title "Local gradient σ′(a) of the hidden units at initialisation" noenhanced
set xlabel "σ′(a)" noenhanced
set ylabel "fraction of hidden outputs" noenhanced
unset y2label
unset cblabel
unset logscale
set format x "% h"
set format y "% h"
set format y2 "% h"
set format cb "% h"
set xrange [0:0.25]
set yrange [0:*]
set y2range [*:*]
set cbrange [*:*]
set xtics autofreq enhanced nomirror out
set ytics autofreq enhanced nomirror out
unset y2tics
set border 3
set grid xtics ytics
unset colorbox
set key top right inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
unset arrow
set arrow 1 from first 0.03721807, graph 0 to first 0.03721807, graph 1 nohead back ls 100
set arrow 2 from first 0.1934431, graph 0 to first 0.1934431, graph 1 nohead back ls 101

do for [format in "svg png pdf"] {
    if (format eq "svg") { set terminal svg size 640,400 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "sigmoid-derivative.svg" }
    if (format eq "png") { set terminal pngcairo size 1280,800 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "sigmoid-derivative.png" }
    if (format eq "pdf") { set terminal pdfcairo size 5in,3.125in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "sigmoid-derivative.pdf" }
    plot \
        data index 0 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" title "weights N(0, 1)" noenhanced, \
        data index 1 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#E69F00" lc rgb "#E69F00" title "weights N(0, 0.1²)" noenhanced, \
        NaN with lines ls 100 title "mean, N(0, 1): 0.0372" noenhanced, \
        NaN with lines ls 101 title "mean, N(0, 0.1²): 0.193" noenhanced
    unset output
}
