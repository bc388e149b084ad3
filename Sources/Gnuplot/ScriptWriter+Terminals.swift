/// The `set terminal` lines: the same picture in every format.
extension ScriptWriter {
    /// One line per format: gnuplot 5.4 miscounts script lines after a multi-line `if { }` nested in
    /// `do for { }`, and its error messages must name the right line.
    func terminals(_ formats: [OutputFormat], size: PixelSize, name: String) -> [String] {
        formats.map { format in
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
        }
    }

    /// pngcairo sizes fonts in points at 96 dpi; SVG sizes them in pixels.
    var pngPointsPerPixel: Double { 0.75 }
}
