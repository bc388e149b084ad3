/// A file format gnuplot renders a figure to.
public enum OutputFormat: String, Sendable, CaseIterable, Comparable {
    /// Scalable vector graphics (gnuplot's `svg` terminal), for web pages and Markdown.
    case svg
    /// A raster image (`pngcairo`), for previews and thumbnails.
    case png
    /// A vector document (`pdfcairo`), for print and LaTeX.
    case pdf

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }

    public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
