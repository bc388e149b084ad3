# grid-vs-random-layout.gp — figure written by the Gnuplot module of LectureClaims ("9 trials, two parameters of which one matters").
# Reproduce: cd figures/latex && gnuplot grid-vs-random-layout.gp   (writes grid-vs-random-layout.tex and the grid-vs-random-layout.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/grid-vs-random-layout.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/grid-vs-random-layout.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,8.14cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "grid-vs-random-layout.tex" }
    set multiplot layout 1,2 title "9 trials, two parameters of which one matters" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "grid layout" noenhanced
    set xlabel "important parameter x$_{1}$" noenhanced
    set ylabel "unimportant parameter x$_{2}$" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% g$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.2:1.05]
    set yrange [-0.05:1.62]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (0, 0.5, 1) enhanced nomirror out
    set ytics (0, 0.5, 1) enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    plot \
        data index 0 using 1:2 with lines ls 5 title "g(x$_{1}$) above, 0.1$\\cdot$h(x$_{2}$) on the left" noenhanced, \
        data index 1 using 1:2 with lines ls 5 notitle, \
        data index 2 using 1:2 with points ls 6 notitle
    # Panel 2 of 2 (row 1, column 2)
    set title "random layout (first seed's draw)" noenhanced
    set xlabel "important parameter x$_{1}$" noenhanced
    set ylabel "unimportant parameter x$_{2}$" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% g$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.2:1.05]
    set yrange [-0.05:1.62]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (0, 0.5, 1) enhanced nomirror out
    set ytics (0, 0.5, 1) enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 3 using 1:2 with lines ls 5 title "g(x$_{1}$) above, 0.1$\\cdot$h(x$_{2}$) on the left" noenhanced, \
        data index 4 using 1:2 with lines ls 5 notitle, \
        data index 5 using 1:2 with points ls 2 notitle
    unset multiplot
    unset output
}
