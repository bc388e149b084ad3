/// Inline Markdown as string interpolations, so a paragraph reads as it renders:
/// `"\(bold: "In one sentence.") Through \(code: "5") sigmoid layers …"`.
extension DefaultStringInterpolation {
    /// A code span, as ``Inline/code(_:)``.
    public mutating func appendInterpolation(code text: String) {
        appendLiteral(Inline.code(text))
    }

    /// Strong emphasis, as ``Inline/bold(_:)``.
    public mutating func appendInterpolation(bold markdown: String) {
        appendLiteral(Inline.bold(markdown))
    }

    /// Emphasis, as ``Inline/italic(_:)``.
    public mutating func appendInterpolation(italic markdown: String) {
        appendLiteral(Inline.italic(markdown))
    }

    /// A link, as ``Inline/link(_:to:)``.
    public mutating func appendInterpolation(link markdown: String, to destination: String) {
        appendLiteral(Inline.link(markdown, to: destination))
    }
}
