# accuracy-vs-batch-size.gp — figure written by the Gnuplot module of LectureClaims ("Training accuracy after 10 epochs, Adam η = 10^−3.5 at every batch size").
# Reproduce: cd figures/latex && gnuplot accuracy-vs-batch-size.gp   (writes accuracy-vs-batch-size.tex and the accuracy-vs-batch-size.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/accuracy-vs-batch-size.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/accuracy-vs-batch-size.tsv"

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

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,6.51cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "accuracy-vs-batch-size.tex" }
    set multiplot layout 1,2 title "Training accuracy after 10 epochs, Adam $\\eta$ = 10\\^{}$-$3.5 at every batch size" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "per-pixel mean, scalar std (CS231n; ruled)" noenhanced
    set xlabel "batch size" noenhanced
    set ylabel "training accuracy (evaluation phase)" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set logscale x 10
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [4:60]
    set yrange [0.5:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (5, 10, 50) enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key bottom left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#D55E00" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 1 using 1:2 with linespoints ls 1 title "batch norm" noenhanced, \
        data index 3 using 1:2 with linespoints ls 4 title "no normalisation (control)" noenhanced, \
        data index 5 using 1:2 with linespoints ls 3 title "layer norm" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "one scalar mean and std" noenhanced
    set xlabel "batch size" noenhanced
    set ylabel "training accuracy (evaluation phase)" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set logscale x 10
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [4:60]
    set yrange [0.5:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (5, 10, 50) enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 8 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 7 using 1:2 with linespoints ls 1 title "batch norm" noenhanced, \
        data index 9 using 1:2 with linespoints ls 3 title "layer norm" noenhanced
    unset multiplot
    unset output
}
