import Foundation

/// The `set terminal` lines: the same picture in every format.
extension ScriptWriter {
    /// One line per format: gnuplot 5.4 miscounts script lines after a multi-line `if { }` nested in
    /// `do for { }`, and its error messages must name the right line.
    func terminals(_ formats: [OutputFormat], size: PixelSize, name: String) -> [String] {
        formats.map { format in
            // The latex script runs in figures/latex/, so its output is named without the folder.
            "if (format eq \"\(format.rawValue)\") { set terminal \(terminal(format, size: size));"
                + " set output \(GnuplotText.quoted("\(name).\(format.fileExtension)")) }"
        }
    }

    /// The terminal of one format, scaled so the picture is the same in every format: SVG in pixels,
    /// PNG at `pngScale`×, PDF at `pixelsPerInch` (pdfcairo's line width 1 is 0.5 pt, its default fontscale 0.5).
    func terminal(_ format: OutputFormat, size: PixelSize) -> String {
        let font = style.fontFace
        let background = "background \"#ffffff\""
        switch format {
        case .svg:
            return "svg size \(size.width),\(size.height) fixed font \"\(font),\(GnuplotText.number(style.fontSize))\""
                + " linewidth 1 dashlength 1.5 rounded \(background)"
        case .png:
            let k = style.pngScale
            return "pngcairo size \(size.width * k),\(size.height * k) font \"\(font),\(GnuplotText.number(style.fontSize * pngPointsPerPixel))\""
                + " fontscale \(k) linewidth \(k) pointscale \(k) dashlength 1.5 rounded \(background)"
        case .pdf:
            let points = 72 / style.pixelsPerInch
            let inches = { (pixels: Int) in GnuplotText.number(Double(pixels) / style.pixelsPerInch) }
            return "pdfcairo size \(inches(size.width))in,\(inches(size.height))in font \"\(font),\(GnuplotText.number(style.fontSize * points))\""
                + " fontscale 1 linewidth \(GnuplotText.number(2 * points)) dashlength 1.5 rounded \(background)"
        case .latex:
            // The PDF's picture zoomed to the LaTeX width, with lines and markers scaled like its text; the text
            // itself is typeset by the document at `text.command` (gnuplot leaves room for `text.points`).
            let text = latexTextSize(for: size)
            let zoom = text.points / (style.fontSize * 72 / style.pixelsPerInch)
            let height = (latexHeight(for: size) * 100).rounded() / 100
            return "cairolatex pdf input colortext size \(GnuplotText.number(style.latexWidth))cm,\(GnuplotText.number(height))cm"
                + " font \",\(GnuplotText.number(text.points))\" fontscale 1"
                + " linewidth \(GnuplotText.number(2 * 72 / style.pixelsPerInch * zoom)) pointscale \(GnuplotText.number(zoom))"
                + " dashlength 1.5 rounded header \(GnuplotText.quoted(text.command))"
        }
    }

    /// The LaTeX size of a `latex` figure's text: the largest of ``HouseStyle/latexTextSizes`` at most
    /// ``latexTextGrowth`` times the house text scaled with the figure to ``HouseStyle/latexWidth``, else the
    /// smallest. With the house sizes: `\scriptsize` (7 pt) up to 821 px wide, `\tiny` (5 pt) beyond (at 7 pt
    /// the legend of an 860 px two-panel figure no longer fits its panel).
    func latexTextSize(for size: PixelSize) -> (command: String, points: Double) {
        let proportional = proportionalLatexText(for: size)
        return style.latexTextSizes.first { $0.points <= Self.latexTextGrowth * proportional } ?? style.latexTextSizes.last!
    }

    /// The height in centimetres of a `latex` figure: ``HouseStyle/latexWidth`` in the figure's aspect ratio — but when
    /// even the smallest text size is larger than the figure's text scaled to that width (a figure made for a wide
    /// screen), taller by that factor, at most ``latexMaximumHeight``, so that legends and tic labels keep the
    /// vertical room they have in the other formats: 1400 × 540 px is 12 × 7.33 cm, not 12 × 4.63 cm.
    func latexHeight(for size: PixelSize) -> Double {
        let aspect = style.latexWidth * Double(size.height) / Double(size.width)
        let text = latexTextSize(for: size), proportional = proportionalLatexText(for: size)
        guard text.points == style.latexTextSizes.last?.points, text.points > proportional else { return aspect }
        return min(aspect * text.points / proportional, max(aspect, Self.latexMaximumHeight))
    }

    /// The house text (``HouseStyle/fontSize`` px) in points when the figure is drawn ``HouseStyle/latexWidth`` wide.
    func proportionalLatexText(for size: PixelSize) -> Double {
        style.fontSize * (style.latexWidth / 2.54 * 72) / Double(size.width)
    }

    /// The tallest a stretched `latex` figure gets: room for a caption in an A4 article's 19.4 cm of text height.
    static let latexMaximumHeight = 17.0

    /// How much larger than the scaled house text a `latex` figure's text may be: a figure made for a wide screen
    /// keeps readable text in one column, at the price of a denser layout.
    static let latexTextGrowth = 1.3

    /// pngcairo sizes fonts in points at 96 dpi; SVG sizes them in pixels.
    var pngPointsPerPixel: Double { 0.75 }
}
