# activation-histograms.gp — figure written by the Gnuplot module of LectureClaims ("tanh activations of a 10 × 500 net").
# Reproduce: cd figures/latex && gnuplot activation-histograms.gp   (writes activation-histograms.tex and the activation-histograms.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/activation-histograms.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/activation-histograms.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,10.31cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "activation-histograms.tex" }
    set multiplot layout 3,4 title "tanh activations of a 10 $\\times$ 500 net" noenhanced
    # Panel 1 of 12 (row 1, column 1)
    set title "std 0.01, layer 1" noenhanced
    unset xlabel
    set ylabel "\\% of h" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:56]
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
        data index 0 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#CC79A7" lc rgb "#CC79A7" notitle
    # Panel 2 of 12 (row 1, column 2)
    set title "std 0.01, layer 2" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:56]
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
        data index 1 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#CC79A7" lc rgb "#CC79A7" notitle
    # Panel 3 of 12 (row 1, column 3)
    set title "std 0.01, layer 5" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:56]
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
        data index 2 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#CC79A7" lc rgb "#CC79A7" notitle
    # Panel 4 of 12 (row 1, column 4)
    set title "std 0.01, layer 10" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:56]
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
        data index 3 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#CC79A7" lc rgb "#CC79A7" notitle
    # Panel 5 of 12 (row 2, column 1)
    set title "std 1.0, layer 1" noenhanced
    unset xlabel
    set ylabel "\\% of h" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:52]
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
        data index 4 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 6 of 12 (row 2, column 2)
    set title "std 1.0, layer 2" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:52]
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
        data index 5 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 7 of 12 (row 2, column 3)
    set title "std 1.0, layer 5" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:52]
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
        data index 6 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 8 of 12 (row 2, column 4)
    set title "std 1.0, layer 10" noenhanced
    unset xlabel
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
    set yrange [0:52]
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
        data index 7 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#D55E00" lc rgb "#D55E00" notitle
    # Panel 9 of 12 (row 3, column 1)
    set title "Xavier 1/$\\surd$fan\\_in, layer 1" noenhanced
    set xlabel "h" noenhanced
    set ylabel "\\% of h" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
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
        data index 8 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#E69F00" lc rgb "#E69F00" notitle
    # Panel 10 of 12 (row 3, column 2)
    set title "Xavier 1/$\\surd$fan\\_in, layer 2" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
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
        data index 9 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#E69F00" lc rgb "#E69F00" notitle
    # Panel 11 of 12 (row 3, column 3)
    set title "Xavier 1/$\\surd$fan\\_in, layer 5" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
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
        data index 10 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#E69F00" lc rgb "#E69F00" notitle
    # Panel 12 of 12 (row 3, column 4)
    set title "Xavier 1/$\\surd$fan\\_in, layer 10" noenhanced
    set xlabel "h" noenhanced
    unset ylabel
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-1.1:1.1]
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
        data index 11 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#E69F00" lc rgb "#E69F00" notitle
    unset multiplot
    unset output
}
