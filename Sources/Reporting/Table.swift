import Foundation

/// A GitHub-flavoured Markdown table: a header row, body rows and a per-column alignment.
///
/// Cells are inline Markdown. When rendered, each cell is trimmed, `|` becomes `\|` and line breaks become `<br>`, so
/// any text fits in a cell without breaking the table.
///
/// ```swift
/// var table = Table(header: ["", "rule", "measured", "holds"], alignments: [.left, .left, .right, .center])
/// table.append(["claim", "attenuation in [0.20, 0.25]", "0.235 ± 0.004", "✅ 5/5 seeds"])
/// ```
public struct Table: Sendable, Equatable {
    /// How a column's cells are aligned; `unspecified` leaves it to the viewer (GitHub aligns left).
    public enum Alignment: Sendable, Equatable {
        case unspecified, left, center, right
    }

    /// The column titles; their count is the table's column count.
    public private(set) var header: [String]
    /// The body rows, each with one cell per column.
    public private(set) var rows: [[String]]
    /// One alignment per column.
    public private(set) var alignments: [Alignment]

    /// A table with the given header and rows; `alignments` is one per column, or empty for all `unspecified`.
    public init(header: [String], rows: [[String]] = [], alignments: [Alignment] = []) {
        precondition(!header.isEmpty, "Table: the header needs at least one column")
        precondition(alignments.isEmpty || alignments.count == header.count,
                     "Table: \(alignments.count) alignments for \(header.count) columns; give one per column or none")
        self.header = header
        self.rows = []
        self.alignments = alignments.isEmpty ? Array(repeating: .unspecified, count: header.count) : alignments
        for row in rows { append(row) }
    }

    /// The number of columns.
    public var columnCount: Int { header.count }

    /// Adds a body row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columnCount,
                     "Table: row \(rows.count + 1) has \(row.count) cells for \(columnCount) columns: \(row)")
        rows.append(row)
    }

    /// `text` made safe for one cell: trimmed, `|` as `\|`, line breaks as `<br>`.
    public static func escapedCell(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingNewlines(with: "<br>")
            .replacingOccurrences(of: "|", with: "\\|")
    }

    /// The table's Markdown lines: header, delimiter row, body rows.
    var markdownLines: [String] {
        [line(header), line(alignments.map(\.delimiter))] + rows.map(line)
    }

    private func line(_ cells: [String]) -> String {
        // An empty cell renders as `| |`, as a person would write it.
        "|" + cells.map { cell in
            let escaped = Table.escapedCell(cell)
            return escaped.isEmpty ? " " : " \(escaped) "
        }.joined(separator: "|") + "|"
    }
}

extension Table.Alignment {
    var delimiter: String {
        switch self {
        case .unspecified: "---"
        case .left: ":---"
        case .center: ":---:"
        case .right: "---:"
        }
    }
}
