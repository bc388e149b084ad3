# leakage-check.gp — figure written by the Gnuplot module of LectureClaims ("Leakage check, seed 0").
# Reproduce: cd figures/latex && gnuplot leakage-check.gp   (writes leakage-check.tex and the leakage-check.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/leakage-check.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/leakage-check.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,6.78cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "leakage-check.tex" }
    set multiplot layout 1,2 title "Leakage check, seed 0" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "(a) test set after centring, per pixel" noenhanced
    set xlabel "$\\mu$\\_test $-$ $\\mu$\\_train" noenhanced
    set ylabel "mean of the centred test images" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% g$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.01474218:0.01474218]
    set yrange [-0.01474218:0.01474218]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (-0.01, -0.005, 0, 0.005, 0.01) enhanced nomirror out
    set ytics (-0.01, -0.005, 0, 0.005, 0.01) enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
    unset arrow
    plot \
        data index 0 using 1:2 with lines ls 100 title "y = $\\mu$\\_test $-$ $\\mu$\\_train" noenhanced, \
        data index 1 using 1:2 with points ls 1 title "$\\mu$ fitted on the training subset" noenhanced, \
        data index 2 using 1:2 with points ls 6 title "$\\mu$ refit on the test set" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "(b) $|$mean $-$ ($\\mu$\\_test $-$ $\\mu$\\_train)$|$ per pixel (dashed: the rule's 1e$-$5)" noenhanced
    set xlabel "pixel" noenhanced
    set ylabel "absolute difference" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0:785]
    set yrange [1e-11:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 500 enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    set arrow 1 from graph 0, first 1e-05 to graph 1, first 1e-05 nohead back ls 100
    plot \
        data index 3 using 1:2 with points ls 1 notitle, \
        data index 4 using 1:2 with points ls 6 notitle
    unset multiplot
    unset output
}
