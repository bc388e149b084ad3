/// A label with a symbol and an optional note, shown after a heading or in a table cell:
/// `` `reproduced` ✅ (expected: reproduced) ``.
///
/// Reporting gives the parts no meaning: the caller decides what the label, the symbol and the note say.
public struct Badge: Sendable, Equatable {
    /// The label, shown as a code span.
    public var text: String
    /// A symbol after the label, such as an emoji; empty for none.
    public var symbol: String
    /// Shown in parentheses after the symbol.
    public var note: String?

    public init(text: String, symbol: String = "", note: String? = nil) {
        self.text = text
        self.symbol = symbol
        self.note = note
    }

    /// The badge as inline Markdown.
    public var markdown: String {
        var parts = [Inline.code(text)]
        if !symbol.isEmpty { parts.append(symbol) }
        if let note, !note.isEmpty { parts.append("(\(note))") }
        return parts.joined(separator: " ")
    }
}
