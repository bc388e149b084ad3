import Foundation

/// `reports/gallery.md`: every claim's key figure at a readable width with its caption, verdict and take-home
/// sentence — one page for a lecturer to browse and copy figures from. Written by `claims index` beside README.md.
public enum Gallery {
    /// One claim's entry.
    public struct Entry: Sendable {
        public let id: String, title: String, verdict: Verdict, takeHome: String
        /// The key figure's name (figures/<name>.{svg,png,pdf}) and its caption as the report prints it.
        public let figure: String, caption: String
        public let formats: [String]

        public init(id: String, title: String, verdict: Verdict, takeHome: String, figure: String, caption: String,
                    formats: [String]) {
            (self.id, self.title, self.verdict, self.takeHome) = (id, title, verdict, takeHome)
            (self.figure, self.caption, self.formats) = (figure, caption, formats)
        }
    }

    /// The caption the report `readme` prints under figure `name`: the line after its image, without
    /// "*Figure k — " and the closing "*\".
    public static func caption(of name: String, in readme: String) -> String? {
        let lines = readme.components(separatedBy: "\n")
        guard let i = lines.firstIndex(where: { $0.contains("](figures/\(name).") && $0.hasPrefix("![") }),
              i + 1 < lines.count else { return nil }
        var caption = lines[i + 1]
        guard caption.hasPrefix("*Figure ") else { return nil }
        if let dash = caption.range(of: " — ") { caption = String(caption[dash.upperBound...]) } else { caption = "" }
        while caption.hasSuffix("\\") || caption.hasSuffix("*") { caption.removeLast() }
        return caption
    }

    /// The page: for each entry its title, verdict, take-home, the figure (PNG at 720 px, linked to the report),
    /// the caption, and links to the vector formats and the script.
    public static func page(_ entries: [Entry]) -> String {
        var text = """
            # LectureClaims — gallery

            One key figure per claim, with its caption, verdict and take-home sentence: for browsing and for copying \
            into lecture notes. Every figure is also an SVG and a PDF, drawn by the gnuplot script beside it from the \
            data file beside that (`<claim>/figures/`, `<claim>/data/`), and a LaTeX picture whose text takes the document's \
            fonts (`<claim>/figures/latex/`; with the verdicts and numbers as macros in [claims.tex](claims.tex), see \
            [the example note](latex/example.tex)). The full report behind each figure is linked from its title.

            """
        for e in entries {
            let image = e.formats.contains("png") ? "png" : e.formats.first ?? "svg"
            let latex = e.formats.contains("latex") ? ["[LaTeX](\(e.id)/figures/latex/\(e.figure).tex)"] : []
            let links = (["svg", "pdf", "png"].filter { e.formats.contains($0) }.map {
                "[\($0.uppercased())](\(e.id)/figures/\(e.figure).\($0))"
            } + latex + ["[gnuplot script](\(e.id)/figures/\(e.figure).gp)"]).joined(separator: " · ")
            text += """

                ## [\(e.title)](\(e.id)/README.md)

                `\(e.verdict.rawValue)` \(e.verdict.symbol) — \(e.takeHome)

                <a href="\(e.id)/README.md"><img src="\(e.id)/figures/\(e.figure).\(image)" width="720" alt="\(e.title.replacingOccurrences(of: "\"", with: "&quot;"))"></a>

                \(e.caption)

                \(links)

                """
        }
        return text
    }
}
