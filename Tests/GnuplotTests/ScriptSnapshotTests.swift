import Testing
import Gnuplot

/// The scripts and data files of three small figures, pinned line by line. A change to the house style or
/// the script layout shows up here first: update the expected text only after looking at the rendered
/// figures (GNUPLOT_LOOK_DIR=/tmp/look swift test --filter GnuplotTests renders the samples).
@Suite struct ScriptSnapshotTests {
    let renderer = GnuplotRenderer()

    @Test func logLinesWithBandScript() throws {
        let files = try renderer.files(for: SnapshotFigures.logLinesWithBand(), named: "log-lines")
        expectSameLines(files.script, Self.logLinesScript)
        expectSameLines(files.data, Self.logLinesData)
    }

    @Test func histogramGridScript() throws {
        let files = try renderer.files(for: SnapshotFigures.histogramGrid(), named: "histogram-grid")
        expectSameLines(files.script, Self.histogramGridScript)
    }

    @Test func barsWithTwinAxisScript() throws {
        let files = try renderer.files(for: SnapshotFigures.barsWithTwinAxis(), named: "bars-twin")
        expectSameLines(files.script, Self.barsTwinScript)
        expectSameLines(files.data, Self.barsTwinData)
    }

    @Test func scriptListsOnlyTheRequestedFormats() throws {
        let files = try renderer.files(for: SnapshotFigures.logLinesWithBand(), named: "log-lines", formats: [.png])
        #expect(files.script.contains(#"do for [format in "png"] {"#))
        #expect(!files.script.contains("svg"))
        #expect(!files.script.contains("pdfcairo"))
    }
}

/// Compares two texts line by line and reports the first line that differs, with its number.
func expectSameLines(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
    for index in 0..<max(a.count, e.count) {
        let got = index < a.count ? a[index] : "<end of text>"
        let want = index < e.count ? e[index] : "<end of text>"
        if got != want {
            Issue.record("line \(index + 1) differs:\n  got:      \(got)\n  expected: \(want)", sourceLocation: sourceLocation)
            return
        }
    }
}

extension ScriptSnapshotTests {
    static let logLinesScript = #"""
    # log-lines.gp — figure written by the Gnuplot module of LectureClaims ("Gradient norm per layer").
    # Reproduce: cd figures && gnuplot log-lines.gp   (writes log-lines.svg, log-lines.png, log-lines.pdf)
    # Data: ../data/log-lines.tsv, one block per series, read with `index k`.
    set encoding utf8
    set minussign   # tick labels with a real minus sign (U+2212), as the reports' text
    data = "../data/log-lines.tsv"

    # House style (HouseStyle.lectureNotes): palette slots 1…2, reference lines 100…102.
    set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
    set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
    set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
    set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
    set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
    set border lc rgb "#404040" back
    set tics textcolor rgb "#404040" scale 0.6, 0.3
    set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
    set style fill solid border
    set samples 400
    set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

    set title "Gradient norm per layer" noenhanced
    set xlabel "layer l" noenhanced
    set ylabel "‖∂L/∂W_l‖" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "% h"
    set logscale y 10
    set format y "10^{%L}"
    set format y2 "% h"
    set format cb "% h"
    set xrange [*:*]
    set yrange [*:*]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics autofreq enhanced nomirror out
    set ytics autofreq enhanced nomirror out
    unset y2tics
    set border 3
    set grid xtics ytics
    unset colorbox
    set key top right inside reverse Left samplen 2.5 spacing 1.1 noenhanced box lc rgb "#e4e4e4" opaque
    unset arrow
    set arrow 1 from graph 0, first 0.001 to graph 1, first 0.001 nohead back ls 100

    do for [format in "svg png pdf"] {
        if (format eq "svg") { set terminal svg size 640,400 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "log-lines.svg" }
        if (format eq "png") { set terminal pngcairo size 1280,800 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "log-lines.png" }
        if (format eq "pdf") { set terminal pdfcairo size 5in,3.125in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "log-lines.pdf" }
        plot \
            data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
            data index 1 using 1:2 with lines ls 1 title "sigmoid" noenhanced, \
            data index 2 using 1:2 with lines ls 2 title "ReLU" noenhanced, \
            NaN with lines ls 100 title "threshold" noenhanced
        unset output
    }

    """#

    static let logLinesData = #"""
    # Data of figure log-lines, written by the Gnuplot module of LectureClaims.
    # One block per series, separated by two blank lines; log-lines.gp reads block k with `index k`.
    # block 0: band unlabelled
    # x	lower	upper
    1	0.0001	0.0004
    2	0.001	0.004
    3	0.01	0.04

    
    # block 1: line "sigmoid"
    # x	y
    1	0.0002
    2	0.002
    3	0.02

    
    # block 2: line "ReLU"
    # x	y
    1	0.5
    2	0.5
    3	0.5

    """#

    static let histogramGridScript = #"""
    # histogram-grid.gp — figure written by the Gnuplot module of LectureClaims ("Activations").
    # Reproduce: cd figures && gnuplot histogram-grid.gp   (writes histogram-grid.svg, histogram-grid.png, histogram-grid.pdf)
    # Data: ../data/histogram-grid.tsv, one block per series, read with `index k`.
    set encoding utf8
    set minussign   # tick labels with a real minus sign (U+2212), as the reports' text
    data = "../data/histogram-grid.tsv"

    # House style (HouseStyle.lectureNotes): palette slots 1…1, reference lines 100…102.
    set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
    set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
    set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
    set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
    set border lc rgb "#404040" back
    set tics textcolor rgb "#404040" scale 0.6, 0.3
    set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
    set style fill solid border
    set samples 400
    set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

    do for [format in "svg png pdf"] {
        if (format eq "svg") { set terminal svg size 460,410 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "histogram-grid.svg" }
        if (format eq "png") { set terminal pngcairo size 920,820 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "histogram-grid.png" }
        if (format eq "pdf") { set terminal pdfcairo size 3.59375in,3.203125in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "histogram-grid.pdf" }
        set multiplot layout 2,2 title "Activations" noenhanced
        # Panel 1 of 3 (row 1, column 1)
        set title "layer 1" noenhanced
        set xlabel "activation" noenhanced
        unset ylabel
        unset y2label
        unset cblabel
        unset logscale
        set format x "% h"
        set format y "% h"
        set format y2 "% h"
        set format cb "% h"
        set xrange [-1:1]
        set yrange [0:*]
        set y2range [*:*]
        set cbrange [*:*]
        set xtics 1 enhanced nomirror out
        set ytics 2.5 enhanced nomirror out
        unset y2tics
        set border 3
        set grid xtics ytics
        unset colorbox
        unset key
        unset arrow
        plot \
            data index 0 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
        # Panel 2 of 3 (row 1, column 2)
        set title "layer 2" noenhanced
        set xlabel "activation" noenhanced
        unset ylabel
        unset y2label
        unset cblabel
        unset logscale
        set format x "% h"
        set format y "% h"
        set format y2 "% h"
        set format cb "% h"
        set xrange [-1:1]
        set yrange [0:*]
        set y2range [*:*]
        set cbrange [*:*]
        set xtics 1 enhanced nomirror out
        set ytics 2.5 enhanced nomirror out
        unset y2tics
        set border 3
        set grid xtics ytics
        unset colorbox
        unset key
        unset arrow
        plot \
            data index 1 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
        # Panel 3 of 3 (row 2, column 1)
        set title "layer 3" noenhanced
        set xlabel "activation" noenhanced
        unset ylabel
        unset y2label
        unset cblabel
        unset logscale
        set format x "% h"
        set format y "% h"
        set format y2 "% h"
        set format cb "% h"
        set xrange [-1:1]
        set yrange [0:*]
        set y2range [*:*]
        set cbrange [*:*]
        set xtics 1 enhanced nomirror out
        set ytics 2.5 enhanced nomirror out
        unset y2tics
        set border 3
        set grid xtics ytics
        unset colorbox
        unset key
        unset arrow
        plot \
            data index 2 using 1:2:3 with boxes fs transparent solid 0.55 border lc rgb "#0072B2" lc rgb "#0072B2" notitle
        unset multiplot
        unset output
    }

    """#

    static let barsTwinScript = #"""
    # bars-twin.gp — figure written by the Gnuplot module of LectureClaims ("Accuracy and loss").
    # Reproduce: cd figures && gnuplot bars-twin.gp   (writes bars-twin.svg, bars-twin.png, bars-twin.pdf)
    # Data: ../data/bars-twin.tsv, one block per series, read with `index k`.
    set encoding utf8
    set minussign   # tick labels with a real minus sign (U+2212), as the reports' text
    data = "../data/bars-twin.tsv"

    # House style (HouseStyle.lectureNotes): palette slots 1…3, reference lines 100…102.
    set style line 1 lc rgb "#0072B2" lw 2 dt 1 pt 7 ps 0.9
    set style line 2 lc rgb "#E69F00" lw 2 dt (8,4) pt 5 ps 0.9
    set style line 3 lc rgb "#009E73" lw 2 dt (2,3) pt 9 ps 0.9
    set style line 100 lc rgb "#555555" lw 1.5 dt (8,5)
    set style line 101 lc rgb "#555555" lw 1.5 dt (2,4)
    set style line 102 lc rgb "#555555" lw 1.5 dt (14,5,3,5)
    set border lc rgb "#404040" back
    set tics textcolor rgb "#404040" scale 0.6, 0.3
    set grid back lt 1 lc rgb "#e4e4e4" lw 1 dt solid
    set style fill solid border
    set samples 400
    set palette defined (0 "#440154", 0.25 "#3B528B", 0.5 "#21918C", 0.75 "#5EC962", 1 "#FDE725")

    set title "Accuracy and loss" noenhanced
    unset xlabel
    set ylabel "accuracy" noenhanced
    set y2label "loss" noenhanced
    unset cblabel
    unset logscale
    set format x "% h"
    set format y "% h"
    set format y2 "% h"
    set format cb "% h"
    set xrange [-0.6:1.6]
    set yrange [0:1]
    set y2range [*:*]
    set cbrange [*:*]
    set xtics ("Xavier" 0, "He" 1) noenhanced nomirror out
    set ytics autofreq enhanced nomirror out
    set y2tics autofreq enhanced nomirror out
    set border 11
    set grid noxtics ytics
    unset colorbox
    set key below center horizontal reverse Left samplen 2.5 spacing 1.1 noenhanced nobox height 1
    unset arrow

    do for [format in "svg png pdf"] {
        if (format eq "svg") { set terminal svg size 640,400 fixed font "DejaVu Sans,13" linewidth 1 dashlength 1.5 rounded background "#ffffff"; set output "bars-twin.svg" }
        if (format eq "png") { set terminal pngcairo size 1280,800 font "DejaVu Sans,9.75" fontscale 2 linewidth 2 pointscale 2 dashlength 1.5 rounded background "#ffffff"; set output "bars-twin.png" }
        if (format eq "pdf") { set terminal pdfcairo size 5in,3.125in font "DejaVu Sans,7.3125" fontscale 1 linewidth 1.125 dashlength 1.5 rounded background "#ffffff"; set output "bars-twin.pdf" }
        plot \
            data index 0 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#0072B2" title "ReLU" noenhanced, \
            data index 1 using 1:2:3:4:5:6 with boxxyerror fs transparent solid 0.9 border lc rgb "#404040" lc rgb "#E69F00" title "tanh" noenhanced, \
            data index 2 using 1:2 with lines axes x1y2 ls 3 title "loss" noenhanced
        unset output
    }

    """#

    static let barsTwinData = #"""
    # Data of figure bars-twin, written by the Gnuplot module of LectureClaims.
    # One block per series, separated by two blank lines; bars-twin.gp reads block k with `index k`.
    # block 0: bars "ReLU"
    # x	y	left	right	bottom	top
    -0.2	0.8	-0.4	0	0	0.8
    0.8	0.9	0.6	1	0	0.9

    
    # block 1: bars "tanh"
    # x	y	left	right	bottom	top
    0.2	0.85	0	0.4	0	0.85
    1.2	0.8	1	1.4	0	0.8

    
    # block 2: line "loss"
    # x	y
    0	0.4
    1	0.3

    """#
}
