# quadratic-paths.gp — figure written by the Gnuplot module of LectureClaims ("κ = 100: paths to ‖w‖ ≤ 10⁻⁶ (seed 0)").
# Reproduce: cd figures/latex && gnuplot quadratic-paths.gp   (writes quadratic-paths.tex and the quadratic-paths.pdf it includes; \input it with \graphicspath{{<this folder>/}})
# Data: ../../data/quadratic-paths.tsv, one block per series, read with `index k`.
set encoding utf8
# Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
data = "../../data/quadratic-paths.tsv"

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

set title "$\\kappa$ = 100: paths to $\\|$w$\\|$ $\\leq$ 10$^{-6}$ (seed 0)" noenhanced
set xlabel "w$_{1}$" noenhanced
set ylabel "w$_{2}$" noenhanced
unset y2label
unset cblabel
unset logscale
set format x "$% h$"
set format y "$% h$"
set format y2 "$% h$"
set format cb "$% h$"
set xrange [-1.1:1.1]
set yrange [-1.1:1.1]
set y2range [*:*]
set cbrange [*:*]
set xtics autofreq enhanced nomirror out
set ytics autofreq enhanced nomirror out
unset y2tics
set border 3
set grid xtics ytics
unset colorbox
set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
unset arrow

do for [format in "latex"] {
    if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,14.14cm font ",7" fontscale 1 linewidth 1.076923 pointscale 0.957265 dashlength 1.5 rounded header "\\scriptsize"; set output "quadratic-paths.tex" }
    plot \
        data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 1 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 2 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 3 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#000000" notitle, \
        data index 4 using 1:2 with lines ls 2 title "momentum (78 steps)" noenhanced, \
        data index 5 using 1:2 with lines ls 1 title "Adam (256 steps)" noenhanced, \
        data index 6 using 1:2 with lines ls 4 title "SGD (767 steps)" noenhanced, \
        data index 7 using 1:2 with points ls 7 title "start w$_{0}$" noenhanced, \
        data index 8 using 1:2 with points ls 6 title "minimum w = 0" noenhanced
    unset output
}
