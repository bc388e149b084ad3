# regret-distributions.gp — figure written by the Gnuplot module of LectureClaims ("Regret of searches on objectives of low effective dimension").
# Reproduce: cd figures/latex && gnuplot regret-distributions.gp   (writes regret-distributions.tex and the regret-distributions.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/regret-distributions.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/regret-distributions.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.6cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "regret-distributions.tex" }
    set multiplot layout 1,3 title "Regret of searches on objectives of low effective dimension" noenhanced
    # Panel 1 of 3 (row 1, column 1)
    set title "(a) regret over 2000 objectives per seed, d = 2, n = 9" noenhanced
    set xlabel "regret" noenhanced
    set ylabel "fraction of objectives with regret $\\leq$ x" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0:1]
    set yrange [0:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics 0.5 enhanced nomirror out
    set ytics 0.25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key bottom right inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    plot \
        data index 0 using 1:2 with lines ls 6 title "grid" noenhanced, \
        data index 1 using 1:2 with lines ls 2 title "random" noenhanced
    # Panel 2 of 3 (row 1, column 2)
    set title "(b) P(random's regret $<$ grid's), per configuration" noenhanced
    set xlabel "configuration (d, n)" noenhanced
    set ylabel "P(random wins), mean over seeds" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% g$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.6:5.6]
    set yrange [0:1.3]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics ("(2, 9)" 0, "(2, 16)" 1, "(2, 25)" 2, "(3, 27)" 3, "(4, 16)" 4, "(4, 81)" 5) noenhanced nomirror out
    set ytics (0, 0.2, 0.4, 0.6, 0.8, 1) enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    set arrow 1 from graph 0, first 0.6 to graph 1, first 0.6 nohead back ls 100
    plot \
        data index 2 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#E69F00" title "s = 0.06 (in force)" noenhanced, \
        data index 3 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#009E73" title "s = 0.1 (pre-registered)" noenhanced, \
        data index 4 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#000000" title "equal weights, s = 0.06 (control)" noenhanced
    # Panel 3 of 3 (row 1, column 3)
    set title "(c) when the second parameter matters too (d = 2, n = 9)" noenhanced
    set xlabel "weight of the second parameter" noenhanced
    set ylabel "P(random wins)" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.03:1.03]
    set yrange [0:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics (0, 0.1, 0.3, 0.6, 1) enhanced nomirror out
    set ytics 0.25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    set arrow 1 from graph 0, first 0.6 to graph 1, first 0.6 nohead back ls 100
    plot \
        data index 5 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 6 using 1:2 with linespoints ls 2 notitle
    unset multiplot
    unset output
}
