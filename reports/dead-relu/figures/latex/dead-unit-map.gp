# dead-unit-map.gp — figure written by the Gnuplot module of LectureClaims ("Which units fire on which examples (seed 0)").
# Reproduce: cd figures/latex && gnuplot dead-unit-map.gp   (writes dead-unit-map.tex and the dead-unit-map.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/dead-unit-map.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/dead-unit-map.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…1, reference lines 100…102.
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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,5.7cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "dead-unit-map.tex" }
    set multiplot layout 1,3 title "Which units fire on which examples (seed 0)" noenhanced
    # Panel 1 of 3 (row 1, column 1)
    set title "Adam $\\eta$ = 0.001" noenhanced
    set xlabel "unit of hidden layer 2" noenhanced
    set ylabel "example" noenhanced
    unset y2label
    set cblabel "h $>$ 0" noenhanced
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% g$"
    set xrange [*:*]
    set autoscale xfix
    set yrange [*:*]
    set autoscale yfix
    set y2range [*:*]
    set cbrange [0:1]
    set xtics 100 enhanced nomirror out
    set ytics 25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    set colorbox
    unset key
    unset arrow
    plot \
        data index 0 using 1:2:3 with image notitle
    # Panel 2 of 3 (row 1, column 2)
    set title "Adam $\\eta$ = 0.01" noenhanced
    set xlabel "unit of hidden layer 2" noenhanced
    set ylabel "example" noenhanced
    unset y2label
    set cblabel "h $>$ 0" noenhanced
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% g$"
    set xrange [*:*]
    set autoscale xfix
    set yrange [*:*]
    set autoscale yfix
    set y2range [*:*]
    set cbrange [0:1]
    set xtics 100 enhanced nomirror out
    set ytics 25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    set colorbox
    unset key
    unset arrow
    plot \
        data index 1 using 1:2:3 with image notitle
    # Panel 3 of 3 (row 1, column 3)
    set title "Adam $\\eta$ = 0.03" noenhanced
    set xlabel "unit of hidden layer 2" noenhanced
    set ylabel "example" noenhanced
    unset y2label
    set cblabel "h $>$ 0" noenhanced
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% g$"
    set xrange [*:*]
    set autoscale xfix
    set yrange [*:*]
    set autoscale yfix
    set y2range [*:*]
    set cbrange [0:1]
    set xtics 100 enhanced nomirror out
    set ytics 25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    set colorbox
    unset key
    unset arrow
    plot \
        data index 2 using 1:2:3 with image notitle
    unset multiplot
    unset output
}
