# recovery.gp — figure written by the Gnuplot module of LectureClaims ("Do dead units recover?").
# Reproduce: cd figures/latex && gnuplot recovery.gp   (writes recovery.tex and the recovery.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/recovery.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/recovery.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,6.78cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "recovery.tex" }
    set multiplot layout 1,2 title "Do dead units recover?" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "Worst layer's dead fraction (first 1000 examples)" noenhanced
    set xlabel "training step" noenhanced
    set ylabel "fraction of units never positive" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0:1800]
    set yrange [0:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 1000 enhanced nomirror out
    set ytics 0.25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
    unset arrow
    set arrow 1 from first 600, graph 0 to first 600, graph 1 nohead back ls 100
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#CC79A7" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 1 using 1:2 with linespoints ls 3 title "ReLU" noenhanced, \
        data index 3 using 1:2 with linespoints ls 6 title "leaky ReLU" noenhanced, \
        data index 5 using 1:2 with linespoints ls 1 title "ELU" noenhanced, \
        NaN with lines ls 100 title "Adam $\\eta$ 0.03 $\\rightarrow$ 0.001" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "Dead at step 600, still dead at step 1800" noenhanced
    unset xlabel
    set ylabel "fraction of those units (mean over seeds)" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.6:3.6]
    set yrange [0:1.05]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics ("layer 1" 0, "layer 2" 1, "layer 3" 2, "all layers" 3) noenhanced nomirror out
    set ytics 0.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
    unset arrow
    plot \
        data index 6 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#009E73" title "ReLU" noenhanced, \
        data index 7 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#CC79A7" title "leaky ReLU" noenhanced, \
        data index 8 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#0072B2" title "ELU" noenhanced
    unset multiplot
    unset output
}
