/// A Markdown page as a list of ``Block``s, built in reading order and rendered to GitHub-flavoured Markdown.
///
/// ```swift
/// var doc = MarkdownDocument()
/// doc.heading("Sigmoid kills the gradient in deep nets",
///             badge: Badge(text: "reproduced", symbol: "✅", note: "expected: reproduced"))
/// doc.quote("Saturated neurons kill the gradients …", attribution: "CS231n Lecture 6")
/// doc.paragraph("\(bold: "In one sentence.") …")
/// doc.figure(name: "gradient-norm-per-layer", title: "Gradient norm per layer", caption: "…",
///            formats: ["svg", "png", "pdf"])
/// let text = doc.rendered()
/// ```
public struct MarkdownDocument: Sendable, Equatable {
    /// The blocks, in reading order.
    public var blocks: [Block]

    public init(blocks: [Block] = []) {
        self.blocks = blocks
    }

    /// Adds `block` at the end.
    public mutating func append(_ block: Block) {
        blocks.append(block)
    }

    /// Adds a heading of `level` 1–4, with `badge` on the same line when given.
    public mutating func heading(_ text: String, level: Int = 1, badge: Badge? = nil) {
        precondition((1...4).contains(level), "MarkdownDocument: heading level \(level) for \"\(text)\"; use 1–4")
        append(.heading(text, level: level, badge: badge))
    }

    /// Adds a paragraph of inline Markdown.
    public mutating func paragraph(_ markdown: String) {
        append(.paragraph(markdown))
    }

    /// Adds a quotation with an optional attribution line (inline Markdown), e.g. the lecture it comes from.
    public mutating func quote(_ text: String, attribution: String? = nil) {
        append(.quote(text, attribution: attribution))
    }

    /// Adds a table.
    public mutating func table(_ table: Table) {
        append(.table(table))
    }

    /// Adds a figure; see ``FigureBlock``.
    public mutating func figure(_ figure: FigureBlock) {
        append(.figure(figure))
    }

    /// Adds a figure whose files are `figures/<name>.<format>`, `figures/<name>.gp` and `data/<name>.tsv`.
    public mutating func figure(name: String, title: String, caption: String, formats: [String]) {
        figure(FigureBlock(name: name, title: title, caption: caption, formats: formats))
    }

    /// Adds a fenced code block with an optional language tag.
    public mutating func code(_ code: String, language: String? = nil) {
        append(.code(code, language: language))
    }

    /// Adds a bullet list.
    public mutating func bulletList(_ items: [String]) {
        append(.bulletList(items))
    }

    /// Adds a numbered list.
    public mutating func numberedList(_ items: [String]) {
        append(.numberedList(items))
    }

    /// Adds a horizontal rule.
    public mutating func horizontalRule() {
        append(.horizontalRule)
    }

    /// Adds a line of small print in italics.
    public mutating func footnote(_ markdown: String) {
        append(.footnote(markdown))
    }

    /// Adds Markdown or HTML written out verbatim.
    public mutating func raw(_ text: String) {
        append(.raw(text))
    }

    /// The number the figure called `name` gets in its caption (1 for the first figure), or `nil` if there is none,
    /// so the text can refer to "Figure 2" before or after it.
    public func figureNumber(of name: String) -> Int? {
        let figures = blocks.compactMap { block -> FigureBlock? in
            if case .figure(let figure) = block { figure } else { nil }
        }
        return figures.firstIndex { $0.name == name }.map { $0 + 1 }
    }

    /// The document as GitHub-flavoured Markdown; see ``MarkdownRenderer``.
    public func rendered() -> String {
        MarkdownRenderer().render(self)
    }
}
