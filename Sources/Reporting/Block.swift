/// One block of a Markdown document.
///
/// Blocks are rendered in order by ``MarkdownRenderer``, separated by exactly one blank line. Text marked "inline
/// Markdown" may contain code spans, emphasis and links (see ``Inline``); it is written out as given.
public enum Block: Sendable, Equatable {
    /// A heading of `level` 1–4 (`#` … `####`), followed on the same line by `badge` when there is one.
    case heading(String, level: Int, badge: Badge?)
    /// A paragraph of inline Markdown.
    case paragraph(String)
    /// A quotation in quotation marks, with an optional attribution line `— source` below it.
    case quote(String, attribution: String?)
    /// A GitHub table; cells are escaped when rendered.
    case table(Table)
    /// An embedded image with a numbered caption and links to the figure's other files.
    case figure(FigureBlock)
    /// A fenced code block, with a language tag such as `swift` or `sh` when there is one.
    case code(String, language: String?)
    /// A bullet list (`- item`), one inline-Markdown item per entry.
    case bulletList([String])
    /// A numbered list (`1. item`), one inline-Markdown item per entry.
    case numberedList([String])
    /// A horizontal rule (`---`).
    case horizontalRule
    /// A line of small print in italics, such as the generator line at the foot of a report.
    case footnote(String)
    /// Markdown or HTML written out verbatim, for what the other blocks cannot say (e.g. `<details>`).
    case raw(String)
}
