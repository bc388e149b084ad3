# principal-components.gp — figure written by the Gnuplot module of LectureClaims ("Principal directions u₁ … u16 (row by row), seed 0").
# Reproduce: cd figures/latex && gnuplot principal-components.gp   (writes principal-components.tex and the principal-components.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/principal-components.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/principal-components.tsv"

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

set title "Principal directions u$_{1}$ $\\ldots$ u16 (row by row), seed 0" noenhanced
unset xlabel
unset ylabel
unset y2label
set cblabel "u\\_k / max $|$u\\_k$|$" noenhanced
unset logscale
set format x "$% g$"
set format y "$% g$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [-0.5:237.5]
set yrange [-0.5:57.5]
set y2range [*:*]
set cbrange [-1:1]
set xtics (-100) enhanced nomirror out
set ytics (-100) enhanced nomirror out
unset y2tics
set border 3
set grid noxtics ytics
set colorbox
unset key
unset arrow

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,4.61cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "principal-components.tex" }
    plot \
        data index 0 using 1:2:3 with image notitle
    unset output
}
