# same-sign-against-batch-size.gp — figure written by the Gnuplot module of LectureClaims ("Sign structure of layer-2 weight gradients at initialisation").
# Reproduce: cd figures/latex && gnuplot same-sign-against-batch-size.gp   (writes same-sign-against-batch-size.tex and the same-sign-against-batch-size.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/same-sign-against-batch-size.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/same-sign-against-batch-size.tsv"

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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.06cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "same-sign-against-batch-size.tex" }
    set multiplot layout 1,2 title "Sign structure of layer-2 weight gradients at initialisation" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "Whole gradient in one orthant" noenhanced
    set xlabel "mini-batch size B" noenhanced
    set ylabel "fraction of (mini-batch, unit) pairs" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set logscale x 2
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:320]
    set yrange [-0.02:1.02]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics autofreq enhanced nomirror out
    set ytics 0.5 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
    unset arrow
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 4 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 1 using 1:2 with linespoints ls 2 title "sigmoid $\\sigma$(z)" noenhanced, \
        data index 3 using 1:2 with linespoints ls 1 title "centred sigmoid $\\sigma$(z) $-$ 0.5" noenhanced, \
        data index 5 using 1:2 with linespoints ls 7 title "sigmoid with bias $-$0.5$\\cdot\\Sigma$w (control)" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "Entries sharing the majority sign" noenhanced
    set xlabel "mini-batch size B" noenhanced
    set ylabel "mean share of a unit's 128 entries" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set logscale x 2
    set format x "$% g$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [0.8:320]
    set yrange [0.45:1.02]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics autofreq enhanced nomirror out
    set ytics 0.2 enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    unset key
    unset arrow
    plot \
        data index 6 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#E69F00" notitle, \
        data index 8 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
        data index 10 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 7 using 1:2 with linespoints ls 2 notitle, \
        data index 9 using 1:2 with linespoints ls 1 notitle, \
        data index 11 using 1:2 with linespoints ls 7 notitle
    unset multiplot
    unset output
}
