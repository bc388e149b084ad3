/// The index of every claim (`reports/README.md`): a title, the caller's introduction, a summary of the verdicts and
/// a table with one row per claim — the claim linked to its report, the verdict and whether it was expected, the key
/// number, and a thumbnail.
///
/// Rows appear in the order given; sort them before, e.g. by claim id, for a stable page.
public struct IndexPage: Sendable, Equatable {
    /// The page's level-1 heading.
    public var title: String
    /// A paragraph of inline Markdown under the title.
    public var introduction: String
    /// One row per claim.
    public var rows: [IndexRow]
    /// The width, in pixels, GitHub shows thumbnails at.
    public var thumbnailWidth: Int

    public init(title: String, introduction: String, rows: [IndexRow], thumbnailWidth: Int = 160) {
        precondition(thumbnailWidth > 0, "IndexPage: thumbnail width must be positive, got \(thumbnailWidth)")
        self.title = title
        self.introduction = introduction
        self.rows = rows
        self.thumbnailWidth = thumbnailWidth
    }

    /// How many rows have each verdict, most frequent first (ties in alphabetical order).
    public var verdictCounts: [(verdict: String, count: Int)] {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.verdict, default: 0] += 1 }
        return counts.map { (verdict: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.verdict < $1.verdict }
    }

    /// The summary paragraph, e.g. "**12 claims:** 9 reproduced, 2 not reproduced, 1 inconclusive. As expected: 11
    /// of 12; differs: [claim](path) (expected reproduced)."
    public var summary: String {
        guard !rows.isEmpty else { return "No claims yet." }
        let counts = verdictCounts.map { "\($0.count) \(Inline.escaped($0.verdict))" }.joined(separator: ", ")
        let noun = rows.count == 1 ? "claim" : "claims"
        let matching = rows.filter(\.matchesExpectation).count
        var text = "\(Inline.bold("\(rows.count) \(noun):")) \(counts). As expected: \(matching) of \(rows.count)"
        let differing = rows.filter { !$0.matchesExpectation }
        if !differing.isEmpty {
            text += "; differs: " + differing.map { row in
                "\(Inline.link(Inline.escaped(row.claimID), to: row.reportPath)) (expected \(Inline.escaped(row.expectedVerdict)))"
            }.joined(separator: ", ")
        }
        return text + "."
    }

    /// The claims table; the thumbnail column is left out when no row has a thumbnail.
    public var table: Table {
        let hasThumbnails = rows.contains { $0.thumbnailPath != nil }
        let hasStability = rows.contains { $0.stability != nil }
        let header = ["claim", "verdict", "take-home"] + (hasStability ? ["fresh seeds"] : [])
            + (hasThumbnails ? ["thumbnail"] : [])
        var table = Table(header: header)
        for row in rows {
            var cells = [claimCell(row), verdictCell(row), row.keyNumber.isEmpty ? "—" : row.keyNumber]
            if hasStability { cells.append(row.stability ?? "—") }
            if hasThumbnails { cells.append(thumbnailCell(row)) }
            table.append(cells)
        }
        return table
    }

    /// The page as a document, for a caller that wants to add blocks (a footnote, say) before rendering.
    public var document: MarkdownDocument {
        var document = MarkdownDocument()
        document.heading(title)
        document.paragraph(introduction)
        document.paragraph(summary)
        if !rows.isEmpty { document.table(table) }
        return document
    }

    /// The page's Markdown text.
    public func rendered() -> String {
        document.rendered()
    }

    /// The title linked to the report, with the claim id below it.
    private func claimCell(_ row: IndexRow) -> String {
        "\(Inline.link(Inline.escaped(row.title), to: row.reportPath))<br>\(Inline.code(row.claimID))"
    }

    /// The verdict as a badge whose note says whether it was expected: "`reproduced` ✅ (as expected)".
    private func verdictCell(_ row: IndexRow) -> String {
        let note = row.matchesExpectation ? "as expected" : "expected: \(row.expectedVerdict)"
        let badge = Badge(text: row.verdict, symbol: row.symbol, note: note).markdown
        guard let preregistered = row.preregisteredVerdict else { return badge }
        return badge + "<br>⚠️ pre-registered rules: " + Inline.code(preregistered)
    }

    /// An HTML image, since Markdown images cannot be given a size; it links to the report.
    private func thumbnailCell(_ row: IndexRow) -> String {
        guard let path = row.thumbnailPath else { return "" }
        let source = Inline.htmlEscaped(Inline.encodedDestination(path))
        let report = Inline.htmlEscaped(Inline.encodedDestination(row.reportPath))
        let alt = Inline.htmlEscaped(row.title)
        return "<a href=\"\(report)\"><img src=\"\(source)\" width=\"\(thumbnailWidth)\" alt=\"\(alt)\"></a>"
    }
}
