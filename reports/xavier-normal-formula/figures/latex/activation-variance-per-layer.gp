# activation-variance-per-layer.gp — figure written by the Gnuplot module of LectureClaims ("Activation variance through 20 square layers of 256").
# Reproduce: cd figures/latex && gnuplot activation-variance-per-layer.gp   (writes activation-variance-per-layer.tex and the activation-variance-per-layer.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/activation-variance-per-layer.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/activation-variance-per-layer.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.33cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "activation-variance-per-layer.tex" }
    set multiplot layout 1,2 title "Activation variance through 20 square layers of 256" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "linear net: h\\_l = h\\_(l$-$1)$\\cdot$W\\_l" noenhanced
    set xlabel "layer l" noenhanced
    set ylabel "Var h\\_l" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.6:20.4]
    set yrange [*:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20) enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    curve1(x) = 1.5**x
    set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead back ls 101
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#CC79A7" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 1 using 1:2 with linespoints ls 6 title "note: N(0, 3/(in+out))" noenhanced, \
        data index 3 using 1:2 with linespoints ls 7 title "Glorot normal: N(0, 2/(in+out))" noenhanced, \
        data index 5 using 1:2 with linespoints ls 2 title "Glorot uniform: U[$\\pm\\surd$(6/(in+out))]" noenhanced, \
        curve1(x) with lines ls 100 title "1.5\\^{}l (theory, note)" noenhanced, \
        NaN with lines ls 101 title "1 (theory, Glorot)" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "tanh net: h\\_l = tanh(h\\_(l$-$1)$\\cdot$W\\_l)" noenhanced
    set xlabel "layer l" noenhanced
    set ylabel "Var h\\_l" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.6:20.4]
    set yrange [*:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20) enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#CC79A7" notitle, \
        data index 8 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 10 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 7 using 1:2 with linespoints ls 6 title "note: N(0, 3/(in+out))" noenhanced, \
        data index 9 using 1:2 with linespoints ls 7 title "Glorot normal: N(0, 2/(in+out))" noenhanced, \
        data index 11 using 1:2 with linespoints ls 2 title "Glorot uniform: U[$\\pm\\surd$(6/(in+out))]" noenhanced
    unset multiplot
    unset output
}
