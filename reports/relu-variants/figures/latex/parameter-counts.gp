# parameter-counts.gp — figure written by the Gnuplot module of LectureClaims ("Learned parameters (maxout: k = 2 pieces per unit)").
# Reproduce: cd figures/latex && gnuplot parameter-counts.gp   (writes parameter-counts.tex and the parameter-counts.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/parameter-counts.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/parameter-counts.tsv"

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

set title "Learned parameters (maxout: k = 2 pieces per unit)" noenhanced
unset xlabel
set ylabel "parameters" noenhanced
unset y2label
unset cblabel
unset logscale
set format x "$% h$"
set format y "$% h$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [-0.6:4.6]
set yrange [0:*]
set y2range [*:*]
set cbrange [*:*]
set xtics ("ReLU" 0, "leaky ReLU" 1, "PReLU" 2, "ELU" 3, "maxout" 4) noenhanced nomirror out
set ytics autofreq enhanced nomirror out
unset y2tics
set border 3
set grid noxtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
unset arrow

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.89cm font ",7" fontscale 1 linewidth 1.076923 pointscale 0.957265 dashlength 1.5 rounded header "\\scriptsize"; set output "parameter-counts.tex" }
    plot \
        data index 0 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#56B4E9" title "whole net" noenhanced, \
        data index 1 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#D55E00" title "hidden layers" noenhanced
    unset output
}
