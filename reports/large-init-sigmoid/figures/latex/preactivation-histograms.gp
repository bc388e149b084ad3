# preactivation-histograms.gp — figure written by the Gnuplot module of LectureClaims ("Hidden pre-activations at initialisation (784-100 sigmoid, raw pixels)").
# Reproduce: cd figures/latex && gnuplot preactivation-histograms.gp   (writes preactivation-histograms.tex and the preactivation-histograms.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/preactivation-histograms.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/preactivation-histograms.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,6.78cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "preactivation-histograms.tex" }
    set multiplot layout 1,3 title "Hidden pre-activations at initialisation (784-100 sigmoid, raw pixels)" noenhanced
    # Panel 1 of 3 (row 1, column 1)
    set title "hidden weights N(0, 1)" noenhanced
    set xlabel "pre-activation a = w$\\cdot$x" noenhanced
    set ylabel "density" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-60:60]
    set yrange [0:0.057006]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 50 enhanced nomirror out
    set ytics 0.02 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" title "$|$a$|$ $<$ 3.48: not saturated" noenhanced, \
        data index 1 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#CC79A7" lc rgb "#CC79A7" title "measured" noenhanced, \
        data index 2 using 1:2 with lines ls 4 title "theory: mixture of N(0, $\\sigma^{2}\\|$x$\\|^{2}$)" noenhanced
    # Panel 2 of 3 (row 1, column 2)
    set title "hidden weights control: ''N(0, 0.1)'' as variance, std 0.32" noenhanced
    set xlabel "pre-activation a = w$\\cdot$x" noenhanced
    set ylabel "density" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-20:20]
    set yrange [0:0.1722098]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 20 enhanced nomirror out
    set ytics 0.05 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 3 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" title "$|$a$|$ $<$ 3.48: not saturated" noenhanced, \
        data index 4 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#000000" lc rgb "#000000" title "measured" noenhanced, \
        data index 5 using 1:2 with lines ls 4 title "theory: mixture of N(0, $\\sigma^{2}\\|$x$\\|^{2}$)" noenhanced
    # Panel 3 of 3 (row 1, column 3)
    set title "hidden weights N(0, 0.1$^{2}$)" noenhanced
    set xlabel "pre-activation a = w$\\cdot$x" noenhanced
    set ylabel "density" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-6:6]
    set yrange [0:0.54726]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 5 enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" title "$|$a$|$ $<$ 3.48: not saturated" noenhanced, \
        data index 7 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#56B4E9" lc rgb "#56B4E9" title "measured" noenhanced, \
        data index 8 using 1:2 with lines ls 4 title "theory: mixture of N(0, $\\sigma^{2}\\|$x$\\|^{2}$)" noenhanced
    unset multiplot
    unset output
}
