/// A file format gnuplot renders a figure to.
public enum OutputFormat: String, Sendable, CaseIterable, Comparable {
    /// Scalable vector graphics (gnuplot's `svg` terminal), for web pages and Markdown.
    case svg
    /// A raster image (`pngcairo`), for previews and thumbnails.
    case png
    /// A vector document (`pdfcairo`), for print and LaTeX.
    case pdf
    /// A LaTeX picture (`cairolatex`): `latex/<name>.tex` with the text, typeset by the document's own fonts, over
    /// `latex/<name>.pdf` with the lines. 12 cm wide, one column of an A4 page; drawn by its own script
    /// `latex/<name>.gp` (the text is LaTeX source there), so the other formats' script is the same with or without it.
    case latex

    /// The file name extension, without the dot: `tex` for ``latex`` (its picture is the `.pdf` beside it).
    public var fileExtension: String { self == .latex ? "tex" : rawValue }

    /// The file of figure `name` in this format, relative to the report's `figures/` folder:
    /// `<name>.svg`, `<name>.png`, `<name>.pdf`, or `latex/<name>.tex` (a subfolder: cairolatex also writes a
    /// `<name>.pdf`, which must not replace the pdfcairo figure).
    public func file(named name: String) -> String {
        self == .latex ? "\(Self.latexFolder)/\(name).tex" : "\(name).\(fileExtension)"
    }

    /// The subfolder of `figures/` holding the LaTeX pictures.
    public static let latexFolder = "latex"

    public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
