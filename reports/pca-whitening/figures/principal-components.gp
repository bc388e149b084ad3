# principal-components.gp — figure written by the Gnuplot module of LectureClaims ("Principal directions u₁ … u16 (row by row), seed 0").
# Reproduce: cd figures && gnuplot principal-components.gp   (writes principal-components.svg, principal-components.png, principal-components.pdf)
# Data: ../data/principal-components.tsv, one block per series, read with `index k`.
set encoding utf8
set minussign   # tick labels with a real minus sign (U+2212), as the reports' text
data = "../data/principal-components.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…1, reference lines 100…102.
set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
set border lc rgb "#404040" back
set tics textcolor rgb "#404040" scale 0.6, 0.3
set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
set style fill solid border
set samples 400
set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

set title "Principal directions u₁ … u16 (row by row), seed 0" noenhanced
unset xlabel
unset ylabel
unset y2label
set cblabel "u_k / max |u_k|" noenhanced
unset logscale
set format x "% g"
set format y "% g"
set format y2 "% h"
set format cb "% h"
set xrange [-0.5:237.5]
set yrange [-0.5:57.5]
set y2range [*:*]
set cbrange [-1:1]
set xtics (-100) enhanced nomirror out
set ytics (-100) enhanced nomirror out
unset y2tics
set border 3
set grid noxtics ytics
set colorbox
unset key
unset arrow

do for [format in "svg png pdf"] {
    if (format eq "svg") { set terminal svg size 1100,340 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "principal-components.svg" }
    if (format eq "png") { set terminal pngcairo size 2200,680 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "principal-components.png" }
    if (format eq "pdf") { set terminal pdfcairo size 8.59375in,2.65625in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "principal-components.pdf" }
    plot \
        data index 0 using 1:2:3 with image notitle
    unset output
}
