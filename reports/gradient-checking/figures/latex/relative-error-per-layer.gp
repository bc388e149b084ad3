# relative-error-per-layer.gp — figure written by the Gnuplot module of LectureClaims ("Gradient check in Float64 (bars) and Float32 (squares), per layer type (h = 1e−5)").
# Reproduce: cd figures/latex && gnuplot relative-error-per-layer.gp   (writes relative-error-per-layer.tex and the relative-error-per-layer.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/relative-error-per-layer.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/relative-error-per-layer.tsv"

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

set title "Gradient check in Float64 (bars) and Float32 (squares), per layer type (h = 1e$-$5)" noenhanced
unset xlabel
set ylabel "relative error (worst entry)" noenhanced
unset y2label
unset cblabel
unset logscale
set format x "$% h$"
set logscale y 10
set format y "$10^{%L}$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [-0.6:17.6]
set yrange [1e-14:10]
set y2range [*:*]
set cbrange [*:*]
set xtics ("Linear" 0, "sigmoid" 1, "tanh" 2, "ELU" 3, "ReLU" 4, "leaky ReLU" 5, "PReLU" 6, "maxout" 7, "BN train" 8, "BN eval" 9, "LayerNorm" 10, "softmax" 11, "MSE" 12, "network" 13, "$\\sigma'$=$\\sigma$" 14, "$\\sigma'$ $\\times$ 0.9" 15, "tanh$'$=1$-$a" 16, "BN no mean" 17) noenhanced nomirror out
set ytics autofreq enhanced nomirror out
unset y2tics
set border 3
set grid noxtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
unset arrow

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,8.41cm font ",5" fontscale 1 linewidth 0.7692308 pointscale 0.6837607 dashlength 1.5 rounded header "\\tiny"; set output "relative-error-per-layer.tex" }
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" title "wrong ($>$ 1e$-$2)" noenhanced, \
        data index 1 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#56B4E9" title "suspect (1e$-$4 to 1e$-$2)" noenhanced, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#009E73" title "good ($<$ 1e$-$7)" noenhanced, \
        data index 3 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#0072B2" title "smooth layer (rule: $<$ 1e$-$5)" noenhanced, \
        data index 4 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#CC79A7" title "layer with a kink (rule: $<$ 1e$-$4)" noenhanced, \
        data index 5 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#D55E00" title "deliberate bug (rule: $>$ 1e$-$2)" noenhanced, \
        data index 6 using 1:2 with points ls 1 notitle, \
        data index 7 using 1:2 with points ls 6 notitle, \
        data index 8 using 1:2 with points ls 4 notitle, \
        data index 9 using 1:2 with points ls 7 title "the same check in Float32 (control)" noenhanced
    unset output
}
