# accuracy-and-amplification.gp — figure written by the Gnuplot module of LectureClaims ("Whitening Fashion-MNIST: distance from I, accuracy, amplified directions").
# Reproduce: cd figures/latex && gnuplot accuracy-and-amplification.gp   (writes accuracy-and-amplification.tex and the accuracy-and-amplification.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/accuracy-and-amplification.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/accuracy-and-amplification.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…7, reference lines 100…102.
set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
set style line 3 lc rgb "#009E73" lw 2 dt (2,3) pt 9 ps 0.9
set style line 4 lc rgb "#D55E00" lw 2 dt (10,3,2,3) pt 11 ps 0.9
set style line 5 lc rgb "#56B4E9" lw 2 dt (5,5) pt 13 ps 0.9
set style line 6 lc rgb "#CC79A7" lw 2 dt (12,4,2,4,2,4) pt 6 ps 0.9
set style line 7 lc rgb "#000000" lw 2 dt (3,6) pt 4 ps 0.9
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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,17cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "accuracy-and-amplification.tex" }
    set multiplot layout 3,1 title "Whitening Fashion-MNIST: distance from I, accuracy, amplified directions" noenhanced
    # Panel 1 of 3 (row 1, column 1)
    set title "(a) max $|$C $-$ I$|$ on the test images, one point per seed (dashed: the rule's 0.15)" noenhanced
    unset xlabel
    set ylabel "max\\_ij $|$C\\_ij $-$ $\\delta$\\_ij$|$" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.5:4.5]
    set yrange [0.01:1000]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (-100) enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key outside right top vertical reverse Left samplen 2.5 spacing 1.1 noenhanced nobox
    unset arrow
    set arrow 1 from graph 0, first 0.15 to graph 1, first 0.15 nohead back ls 100
    plot \
        data index 0 using 1:2 with points ls 6 title "PCA-100 whitened, $\\varepsilon$ = 1e$-$5" noenhanced, \
        data index 1 using 1:2 with points ls 7 title "100 pixels $\\div$ own $\\sigma$, no rotation (control)" noenhanced, \
        data index 2 using 1:2 with points ls 5 title "784 whitened, $\\varepsilon$ = 1e$-$5" noenhanced, \
        data index 3 using 1:2 with points ls 1 title "784 whitened, no $\\varepsilon$" noenhanced
    # Panel 2 of 3 (row 2, column 1)
    set title "(b) softmax regression, test accuracy (bar: mean, whisker: min--max)" noenhanced
    unset xlabel
    set ylabel "test accuracy" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.6:6.6]
    set yrange [0:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics ("raw" 0, "PCA-100" 1, "100 wh. $\\varepsilon$=1e$-$5" 2, "100 pixels $\\div$ $\\sigma$" 3, "784 wh. $\\varepsilon$=0.1" 4, "784 wh. $\\varepsilon$=1e$-$5" 5, "784 wh. no $\\varepsilon$" 6) noenhanced nomirror out
    set ytics 0.25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 4 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#D55E00" notitle, \
        data index 6 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#E69F00" notitle, \
        data index 8 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#CC79A7" notitle, \
        data index 10 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#000000" notitle, \
        data index 12 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#009E73" notitle, \
        data index 14 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#56B4E9" notitle, \
        data index 16 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#0072B2" notitle, \
        data index 5 using 1:2 with lines ls 4 notitle, \
        data index 7 using 1:2 with lines ls 2 notitle, \
        data index 9 using 1:2 with lines ls 6 notitle, \
        data index 11 using 1:2 with lines ls 7 notitle, \
        data index 13 using 1:2 with lines ls 3 notitle, \
        data index 15 using 1:2 with lines ls 5 notitle, \
        data index 17 using 1:2 with lines ls 1 notitle
    # Panel 3 of 3 (row 3, column 1)
    set title "(c) whitened variance on the test images, the weakest directions" noenhanced
    set xlabel "direction k (by training variance $\\lambda$\\_k, largest first)" noenhanced
    set ylabel "Var\\_test(u\\_k$\\cdot$x) / ($\\lambda$\\_k + $\\varepsilon$)" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [600:790]
    set yrange [0.0001:1000]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 100 enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead back ls 100
    plot \
        data index 18 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" notitle, \
        data index 20 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" notitle, \
        data index 22 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 19 using 1:2 with lines ls 3 title "784 whitened, $\\varepsilon$ = 0.1" noenhanced, \
        data index 21 using 1:2 with lines ls 5 title "784 whitened, $\\varepsilon$ = 1e$-$5" noenhanced, \
        data index 23 using 1:2 with lines ls 1 title "784 whitened, no $\\varepsilon$" noenhanced
    unset multiplot
    unset output
}
