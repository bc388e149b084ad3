import Foundation
import Testing
@testable import Gnuplot

/// The `latex` format: gnuplot's cairolatex picture, drawn by `figures/latex/<name>.gp` with every text as LaTeX
/// source. The script is pinned like the other formats' (ScriptSnapshotTests); the text conversion is checked
/// against hand-written LaTeX; a real render writes the .tex and the .pdf it includes.
@Suite struct LatexFormatTests {
    let renderer = GnuplotRenderer()

    @Test func latexScriptSnapshot() throws {
        let files = try renderer.files(for: SnapshotFigures.logLinesWithBand(), named: "log-lines", formats: [.latex])
        expectSameLines(try #require(files.latexScript), Self.logLinesLatexScript)
    }

    @Test func otherFormatsScriptIsTheSameWithOrWithoutLatex() throws {
        for figure in [SnapshotFigures.logLinesWithBand(), SnapshotFigures.histogramGrid(), SnapshotFigures.barsWithTwinAxis()] {
            let with = try renderer.files(for: figure, named: "f", formats: Set(OutputFormat.allCases))
            let without = try renderer.files(for: figure, named: "f", formats: [.svg, .png, .pdf])
            #expect(with.script == without.script)
            #expect(with.data == without.data)
            #expect(without.latexScript == nil)
            #expect(with.latexScript?.contains("cairolatex") == true)
        }
    }

    /// Bars (category tics), a twin axis and a grid title: every text of the figure arrives as LaTeX source.
    @Test func everyTextIsLatexSource() throws {
        var figure = SnapshotFigures.barsWithTwinAxis()
        figure.x = Axis(label: "init (σ_w = 1/√n)")
        figure.add(.line(x: [0, 1], y: [0.5, 0.5], label: "50% of η²").onY2())
        let script = try #require(try renderer.files(for: figure, named: "bars", formats: [.latex]).latexScript)
        #expect(script.contains(#"set xlabel "init ($\\sigma$\\_w = 1/$\\surd$n)" noenhanced"#))
        #expect(script.contains(#"title "50\\% of $\\eta^{2}$" noenhanced"#))
        #expect(script.contains(#"set xtics ("Xavier" 0, "He" 1) noenhanced nomirror out"#))
        #expect(script.contains(#"set format y "$% h$""#))
        #expect(script.contains(#"data = "../../data/bars.tsv""#))
        #expect(!script.contains("minussign"))
        // Nothing outside ASCII reaches the document.
        let ascii = script.components(separatedBy: "\n").filter { !$0.hasPrefix("#") }.allSatisfy { line in
            line.unicodeScalars.allSatisfy { $0.isASCII }
        }
        #expect(ascii)
    }

    @Test(arguments: [
        ("plain text 1.5", "plain text 1.5"),
        ("‖∂L/∂h_l‖", #"$\|\partial$L/$\partial$h\_l$\|$"#),
        ("σ′(x)", #"$\sigma'$(x)"#),
        ("W₁₂ and 10⁻⁵", #"W$_{12}$ and 10$^{-5}$"#),
        ("σ²·x", #"$\sigma^{2}\cdot$x"#),
        ("50% & #1, $5, a^b, ~, {x}", ##"50\% \& \#1, \$5, a\^{}b, \~{}, \{x\}"##),
        (#"a\b "q""#, #"a\textbackslash{}b ''q''"#),
        ("|x| < 1 > 0", "$|$x$|$ $<$ 1 $>$ 0"),
        ("min–max — a--b", "min--max --- a-{}-b"),
        ("x − y ≤ ½", #"x $-$ y $\leq$ $\frac{1}{2}$"#),
        ("ε = 1e−5", #"$\varepsilon$ = 1e$-$5"#),
    ])
    func latexText(_ text: String, _ latex: String) {
        #expect(LatexText.escaped(text) == latex)
        #expect(LatexText.unmapped(in: text).isEmpty)
    }

    @Test func unmappedCharactersAreNamed() {
        #expect(LatexText.escaped("a ☃ b") == "a ? b")
        #expect(LatexText.unmapped(in: "a ☃ b ? ☃ ✓") == ["☃", "✓"])
    }

    /// 12 cm wide, the height in the figure's own aspect ratio; \scriptsize up to 821 px, \tiny beyond, with lines
    /// and markers scaled like the text from the PDF's; a figure too wide even for \tiny is taller.
    @Test func terminalSizeAndText() {
        let writer = ScriptWriter(style: .lectureNotes, latex: true)
        let house = writer.terminal(.latex, size: PixelSize(width: 640, height: 400))
        #expect(house.hasPrefix("cairolatex pdf input colortext size 12cm,7.5cm font \",7\""))
        #expect(house.hasSuffix(#"header "\\scriptsize""#))
        #expect(writer.latexTextSize(for: PixelSize(width: 821, height: 400)).command == "\\scriptsize")
        let wide = writer.terminal(.latex, size: PixelSize(width: 860, height: 420))
        #expect(wide.contains("size 12cm,5.86cm font \",5\""))
        #expect(wide.hasSuffix(#"header "\\tiny""#))
        // Too wide even for \tiny: taller than the aspect ratio by as much as the text is too large, at most 17 cm.
        #expect(writer.terminal(.latex, size: PixelSize(width: 1400, height: 540)).contains("size 12cm,7.33cm font \",5\""))
        #expect(writer.terminal(.latex, size: PixelSize(width: 1300, height: 1500)).contains("size 12cm,17cm font \",5\""))
        #expect(OutputFormat.latex.file(named: "a-b") == "latex/a-b.tex")
        #expect(OutputFormat.pdf.file(named: "a-b") == "a-b.pdf")
    }
}

/// A real cairolatex render (skipped without gnuplot).
@Suite(.enabled(if: GnuplotRunner().isInstalled, "gnuplot is not installed (apt-get install gnuplot-nox)"))
struct LatexRenderTests {
    @Test func writesTexAndPdfBesideTheirScript() throws {
        let folder = try TemporaryFolder()
        let rendered = try GnuplotRenderer().render(SnapshotFigures.histogramGrid(), named: "grid", in: folder.url,
                                                    formats: [.pdf, .latex])
        #expect(rendered.outputs[.latex] == folder.url.appendingPathComponent("figures/latex/grid.tex"))
        #expect(try folder.files() == ["data/grid.tsv", "figures/grid.gp", "figures/grid.pdf", "figures/latex/grid.gp",
                                       "figures/latex/grid.pdf", "figures/latex/grid.tex"])
        let tex = try String(contentsOf: folder.url.appendingPathComponent("figures/latex/grid.tex"), encoding: .utf8)
        #expect(tex.contains(#"\includegraphics[width={340.00bp},height={303.00bp}]{grid}"#))
        #expect(tex.contains(#"\makebox(0,0){\strut{}layer 1}"#))
        #expect(tex.contains("\\scriptsize"))
        let pdf = try Data(contentsOf: folder.url.appendingPathComponent("figures/latex/grid.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:19700101000000"))
        // The pdfcairo figure is not the cairolatex picture.
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("figures/grid.pdf")) != pdf)
    }

    @Test func latexAloneWritesNoOtherFormat() throws {
        let folder = try TemporaryFolder()
        try GnuplotRenderer().render(SnapshotFigures.logLinesWithBand(), named: "lines", in: folder.url, formats: [.latex])
        #expect(try folder.files() == ["data/lines.tsv", "figures/latex/lines.gp", "figures/latex/lines.pdf",
                                       "figures/latex/lines.tex", "figures/lines.gp"])
    }
}

extension LatexFormatTests {
    static let logLinesLatexScript = #"""
    # log-lines.gp — figure written by the Gnuplot module of LectureClaims ("Gradient norm per layer").
    # Reproduce: cd figures/latex && gnuplot log-lines.gp   (writes log-lines.tex and the log-lines.pdf it includes; \input it with \graphicspath{{<this folder>/}})
    # Data: ../../data/log-lines.tsv, one block per series, read with `index k`.
    set encoding utf8
    # Text is LaTeX source, typeset by the document; tic labels in math mode (a real minus sign there).
    data = "../../data/log-lines.tsv"

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
    set ylabel "$\\|\\partial$L/$\\partial$W\\_l$\\|$" noenhanced
    unset y2label
    unset cblabel
    unset logscale
    set format x "$% h$"
    set logscale y 10
    set format y "$10^{%L}$"
    set format y2 "$% h$"
    set format cb "$% h$"
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

    do for [format in "latex"] {
        if (format eq "latex") { set terminal cairolatex pdf input colortext size 12cm,7.5cm font ",7" fontscale 1 linewidth 1.076923 pointscale 0.957265 dashlength 1.5 rounded header "\\scriptsize"; set output "log-lines.tex" }
        plot \
            data index 0 using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb "#0072B2" notitle, \
            data index 1 using 1:2 with lines ls 1 title "sigmoid" noenhanced, \
            data index 2 using 1:2 with lines ls 2 title "ReLU" noenhanced, \
            NaN with lines ls 100 title "threshold" noenhanced
        unset output
    }

    """#
}
