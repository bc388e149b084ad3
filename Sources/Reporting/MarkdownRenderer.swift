import Foundation

/// Turns a ``MarkdownDocument`` into GitHub-flavoured Markdown text.
///
/// The output is a pure function of the document (no dates, no environment): blocks are separated by exactly one
/// blank line, no line ends in a space or tab, and non-empty output ends with one newline. Figures are numbered
/// 1, 2, … in document order. Blocks that render to nothing (an empty paragraph) are left out.
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// The document's text.
    public func render(_ document: MarkdownDocument) -> String {
        var figureNumber = 0
        var rendered: [[String]] = []
        for block in document.blocks {
            if case .figure = block { figureNumber += 1 }
            let lines = self.lines(of: block, figureNumber: figureNumber).map(\.trimmingTrailingWhitespace)
            let trimmed = lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()
            if !trimmed.isEmpty { rendered.append(Array(trimmed)) }
        }
        if rendered.isEmpty { return "" }
        return rendered.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The lines of one block, before trailing whitespace is removed.
    func lines(of block: Block, figureNumber: Int) -> [String] {
        switch block {
        case let .heading(text, level, badge):
            precondition((1...4).contains(level), "MarkdownRenderer: heading level \(level) for \"\(text)\"; use 1–4")
            var line = String(repeating: "#", count: level) + " " + oneLine(text)
            if let badge { line += " " + badge.markdown }
            return [line]
        case .paragraph(let markdown):
            return paragraphLines(markdown)
        case let .quote(text, attribution):
            return quoteLines(text, attribution: attribution)
        case .table(let table):
            return table.markdownLines
        case .figure(let figure):
            return figure.markdownLines(number: figureNumber)
        case let .code(code, language):
            return codeLines(code, language: language)
        case .bulletList(let items):
            return listLines(items) { _ in "- " }
        case .numberedList(let items):
            return listLines(items) { "\($0 + 1). " }
        case .horizontalRule:
            return ["---"]
        case .footnote(let markdown):
            let text = oneLine(markdown)
            return text.isEmpty ? [] : ["*\(Inline.escapingAsterisks(text))*"]
        case .raw(let text):
            return text.lines
        }
    }

    /// `text` on one line: line breaks become spaces, surrounding whitespace goes.
    private func oneLine(_ text: String) -> String {
        text.replacingNewlines(with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// Lines without leading indentation (four spaces would start a code block), runs of blank lines kept to one.
    private func paragraphLines(_ markdown: String) -> [String] {
        var lines: [String] = []
        for line in markdown.lines.map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        return lines
    }

    private func quoteLines(_ text: String, attribution: String?) -> [String] {
        var body = paragraphLines(text)
        guard !body.isEmpty else { return [] }
        let opening: Set<Character> = ["\"", "“", "«", "„"]
        if let first = body[0].first, !opening.contains(first) {
            body[0] = "\"" + body[0]
            body[body.count - 1] += "\""
        }
        var lines = body.map { $0.isEmpty ? ">" : "> " + $0 }
        if let attribution {
            let source = oneLine(attribution)
            if !source.isEmpty {
                // A separate paragraph inside the quote, so the attribution gets a line of its own.
                lines += [">", "> " + (source.hasPrefix("—") ? source : "— " + source)]
            }
        }
        return lines
    }

    private func codeLines(_ code: String, language: String?) -> [String] {
        var body = code.lines
        while body.last?.trimmingTrailingWhitespace.isEmpty == true { body.removeLast() }
        // The fence is longer than any backtick run inside, so the code cannot close it.
        let fence = String(repeating: "`", count: max(3, Inline.longestRun(of: "`", in: code) + 1))
        return [fence + (language ?? "")] + body + [fence]
    }

    private func listLines(_ items: [String], marker: (Int) -> String) -> [String] {
        items.enumerated().flatMap { index, item in
            let prefix = marker(index)
            let indent = String(repeating: " ", count: prefix.count)
            let itemLines = paragraphLines(item).filter { !$0.isEmpty }
            guard let first = itemLines.first else { return [prefix] }
            return [prefix + first] + itemLines.dropFirst().map { indent + $0 }
        }
    }
}
