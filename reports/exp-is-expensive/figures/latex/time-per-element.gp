# time-per-element.gp — figure written by the Gnuplot module of LectureClaims ("Time per element, as multiples of ReLU's forward pass (mean over seeds)").
# Reproduce: cd figures/latex && gnuplot time-per-element.gp   (writes time-per-element.tex and the time-per-element.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/time-per-element.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/time-per-element.tsv"

# House style (HouseStyle.lectureNotes): palette slots 1…5, reference lines 100…102.
set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
set style line 3 lc rgb "#009E73" lw 2 dt (2,3) pt 9 ps 0.9
set style line 4 lc rgb "#D55E00" lw 2 dt (10,3,2,3) pt 11 ps 0.9
set style line 5 lc rgb "#56B4E9" lw 2 dt (5,5) pt 13 ps 0.9
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
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.33cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "time-per-element.tex" }
    set multiplot layout 1,2 title "Time per element, as multiples of ReLU's forward pass (mean over seeds)" noenhanced
    # Panel 1 of 2 (row 1, column 1)
    set title "Activation alone, N$\\times$M = 256$\\times$1024" noenhanced
    unset xlabel
    set ylabel "time per element $\\div$ ReLU forward" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.6:6.6]
    set yrange [0:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics ("ReLU" 0, "leaky ReLU" 1, "hard sigmoid" 2, "sigmoid" 3, "vec. sigmoid" 4, "tanh" 5, "ELU" 6) noenhanced nomirror out
    set ytics 25 enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    set arrow 1 from graph 0, first 2 to graph 1, first 2 nohead back ls 100
    plot \
        data index 0 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#E69F00" title "activation forward" noenhanced, \
        data index 1 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#56B4E9" title "activation backward" noenhanced, \
        NaN with lines ls 100 title "rule: sigmoid $>$ 2 $\\times$ ReLU" noenhanced
    # Panel 2 of 2 (row 1, column 2)
    set title "Linear(fan\\_in $\\rightarrow$ 1024) + activation" noenhanced
    set xlabel "fan\\_in, activation" noenhanced
    set ylabel "time per output element $\\div$ ReLU forward" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set format y "$% h$"
    set format y2 "$% h$"
    set format cb "$% h$"
    set xrange [-0.6:5.6]
    set yrange [0:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics ("512 ReLU" 0, "512 sigmoid" 1, "512 vec." 2, "1024 ReLU" 3, "1024 sigmoid" 4, "1024 vec." 5) noenhanced nomirror out
    set ytics 100 enhanced nomirror out
    unset y2tics
    set border 3
    set grid noxtics ytics
    unset colorbox
    set key top left inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    plot \
        data index 2 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#0072B2" title "matrix product, forward" noenhanced, \
        data index 3 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#E69F00" title "activation forward" noenhanced, \
        data index 4 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#56B4E9" title "activation backward" noenhanced, \
        data index 5 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#D55E00" title "matrix products, backward" noenhanced
    unset multiplot
    unset output
}
