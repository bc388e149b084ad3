import Foundation

/// A figure in a report: the image embedded, a numbered caption, and links to the figure's other files.
///
/// Rendered as three lines joined by hard line breaks, with `k` counted over the document's figures in order:
/// ```
/// ![Gradient norm per layer](figures/gradient-norm-per-layer.svg)\
/// *Figure k — caption*\
/// [PNG](figures/gradient-norm-per-layer.png) · [PDF](figures/gradient-norm-per-layer.pdf) · [gnuplot script](figures/gradient-norm-per-layer.gp) · [data](data/gradient-norm-per-layer.tsv)
/// ```
/// Paths are relative to the page. Named `FigureBlock` so it never clashes with the Gnuplot module's `Figure`.
public struct FigureBlock: Sendable, Equatable {
    /// A file the figure was made from, linked after its formats: `directory/name.fileExtension`.
    public struct Source: Sendable, Equatable {
        /// The link text, e.g. "data".
        public var label: String
        /// The folder holding the file, relative to the page.
        public var directory: String
        /// The file's extension, without the dot.
        public var fileExtension: String

        public init(label: String, directory: String, fileExtension: String) {
            self.label = label
            self.directory = directory
            self.fileExtension = fileExtension
        }

        /// The plotting script, `figures/<name>.gp`.
        public static let gnuplotScript = Source(label: "gnuplot script", directory: "figures", fileExtension: "gp")
        /// The plotted data, `data/<name>.tsv`.
        public static let data = Source(label: "data", directory: "data", fileExtension: "tsv")
    }

    /// A link in the figure's links line.
    public struct Link: Sendable, Equatable {
        public var label: String
        public var path: String
    }

    /// The file name without extension shared by every file of the figure, e.g. "gradient-norm-per-layer".
    public var name: String
    /// The image's alternative text.
    public var title: String
    /// The caption (inline Markdown): what the figure shows and what to look for.
    public var caption: String
    /// The extensions of the rendered images, e.g. `["svg", "png", "pdf"]`, in the order their links appear.
    public var formats: [String]
    /// Files the figure was made from, linked after the formats.
    public var sources: [Source]
    /// The folder holding the rendered images, relative to the page.
    public var directory: String

    public init(name: String, title: String, caption: String, formats: [String],
                sources: [Source] = [.gnuplotScript, .data], directory: String = "figures") {
        precondition(!name.isEmpty, "FigureBlock: the name is empty; it is the file name of every format")
        self.name = name
        self.title = title
        self.caption = caption
        self.formats = formats
        self.sources = sources
        self.directory = directory
    }

    /// The format shown on the page: SVG when there is one (it stays sharp), else the first of PNG, JPEG, GIF, WebP;
    /// `nil` when no format can be embedded (the caption and links are still written).
    public var embeddedFormat: String? {
        for preferred in ["svg", "png", "jpg", "jpeg", "gif", "webp"] {
            if let format = formats.first(where: { $0.lowercased() == preferred }) { return format }
        }
        return nil
    }

    /// The path of the embedded image, e.g. `figures/gradient-norm-per-layer.svg`.
    public var imagePath: String? {
        embeddedFormat.map { "\(directory)/\(name).\($0)" }
    }

    /// The links line's entries: every format but the embedded one (labelled in capitals), then the sources.
    public var links: [Link] {
        let formatLinks = formats.filter { $0 != embeddedFormat }.map { format in
            Link(label: format.uppercased(), path: "\(directory)/\(name).\(format)")
        }
        let sourceLinks = sources.map { source in
            Link(label: source.label, path: "\(source.directory)/\(name).\(source.fileExtension)")
        }
        return formatLinks + sourceLinks
    }

    /// The figure's Markdown lines, numbered `number`.
    func markdownLines(number: Int) -> [String] {
        var lines: [String] = []
        if let imagePath { lines.append(Inline.image(title, source: imagePath)) }
        let caption = Inline.escapingAsterisks(caption.replacingNewlines(with: " ")
            .trimmingCharacters(in: .whitespaces))
        lines.append(caption.isEmpty ? "*Figure \(number)*" : "*Figure \(number) — \(caption)*")
        if !links.isEmpty {
            lines.append(links.map { Inline.link($0.label, to: $0.path) }.joined(separator: " · "))
        }
        // A backslash at the end of a line is a hard line break: image, caption and links stay one paragraph.
        return lines.enumerated().map { index, line in index < lines.count - 1 ? line + "\\" : line }
    }
}
