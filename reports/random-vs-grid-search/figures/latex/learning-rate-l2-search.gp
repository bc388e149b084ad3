# learning-rate-l2-search.gp — figure written by the Gnuplot module of LectureClaims ("Coarse-to-fine search, SGD + momentum, 784-100-10 MLP, Fashion-MNIST (all seeds)").
# Reproduce: cd figures/latex && gnuplot learning-rate-l2-search.gp   (writes learning-rate-l2-search.tex and the learning-rate-l2-search.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/learning-rate-l2-search.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/learning-rate-l2-search.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.6cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "learning-rate-l2-search.tex" }
    set multiplot layout 1,2 title "Coarse-to-fine search, SGD + momentum, 784-100-10 MLP, Fashion-MNIST (all seeds)" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "(a) against the learning rate" noenhanced
    set xlabel "log$_{10}$ $\\eta$" noenhanced
    set ylabel "validation accuracy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-5.1:0.1]
    set yrange [0:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 2 enhanced nomirror out
    set ytics 0.25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" title "the note's range 10$^{-5}$ $\\ldots$ 10$^{-3}$" noenhanced, \
        data index 1 using 1:2 with points ls 6 title "grid" noenhanced, \
        data index 2 using 1:2 with points ls 2 title "random (log-uniform)" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "(b) against the L2 coefficient" noenhanced
    set xlabel "log$_{10}$ $\\lambda$" noenhanced
    set ylabel "validation accuracy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-6.1:-0.9]
    set yrange [0:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 2 enhanced nomirror out
    set ytics 0.25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 3 using 1:2 with points ls 6 title "grid" noenhanced, \
        data index 4 using 1:2 with points ls 2 title "random (log-uniform)" noenhanced
    unset multiplot
    unset output
}
