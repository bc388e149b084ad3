/// Writes the data of a figure as one TSV file: one block per series that has data, blocks separated by
/// two blank lines, so the script picks block k with `index k`.
///
/// Blocks are numbered from 0 in drawing-independent order: plot by plot (panel by panel), series by series
/// as added. Horizontal and vertical reference lines and functions need no data and get no block.
/// Each block opens with a `#` comment naming the series and its columns:
///
/// | series | columns |
/// | --- | --- |
/// | line, points, linePoints, segment | x y |
/// | band | x lower upper |
/// | histogram | centre count width |
/// | bars | x y left right bottom top (the bar as gnuplot's `boxxyerror`) |
/// | heatmap | x y value, one blank line after each row |
struct DataWriter {
    /// The file's text and, for each plot and series, the block holding its data.
    struct Output {
        let text: String
        /// `blocks[p][s]`: block index of series `s` of plot `p`, or `nil` when it has no data.
        let blocks: [[Int?]]
    }

    func write(_ figure: Figure, named name: String) -> Output {
        var text = "# Data of figure \(name), written by the Gnuplot module of LectureClaims.\n"
        text += "# One block per series, separated by two blank lines; \(name).gp reads block k with `index k`.\n"
        var blocks: [[Int?]] = []
        var next = 0
        let plots = figure.plots
        for (p, plot) in plots.enumerated() {
            let geometry = BarGeometry(plot: plot)
            var barsSeen = 0
            var indices: [Int?] = []
            for series in plot.series {
                let table = Self.table(of: series, bars: geometry, barsSeen: &barsSeen)
                guard let table else {
                    indices.append(nil)
                    continue
                }
                let panel = plots.count > 1 ? "panel \(p + 1), " : ""
                let label = series.label.map { "\"\(GnuplotText.comment($0))\"" } ?? "unlabelled"
                if next > 0 { text += "\n\n" }
                text += "# block \(next): \(panel)\(table.kind) \(label)\n# \(table.columns.joined(separator: "\t"))\n"
                // An empty series still gets a block (one row of NaN), so block numbers never shift.
                let rows = table.rows.isEmpty ? [Array(repeating: Double.nan, count: table.columns.count)] : table.rows
                for (r, row) in rows.enumerated() {
                    if let scanLine = table.scanLine, r > 0, r % scanLine == 0 { text += "\n" }
                    text += row.map(GnuplotText.number).joined(separator: "\t") + "\n"
                }
                indices.append(next)
                next += 1
            }
            blocks.append(indices)
        }
        return Output(text: text, blocks: blocks)
    }

    /// The rows of one series, or `nil` when it needs no data.
    private struct Table {
        let kind: String
        let columns: [String]
        let rows: [[Double]]
        /// Rows per scan line of a heatmap (a blank line between scan lines), else `nil`.
        var scanLine: Int? = nil
    }

    private static func table(of series: Series, bars: BarGeometry, barsSeen: inout Int) -> Table? {
        switch series.mark {
        case let .lines(x, y):
            return Table(kind: "line", columns: ["x", "y"], rows: zip(x, y).map { [$0, $1] })
        case let .points(x, y):
            return Table(kind: "points", columns: ["x", "y"], rows: zip(x, y).map { [$0, $1] })
        case let .linePoints(x, y):
            return Table(kind: "linePoints", columns: ["x", "y"], rows: zip(x, y).map { [$0, $1] })
        case let .band(x, lower, upper):
            return Table(kind: "band", columns: ["x", "lower", "upper"],
                         rows: x.indices.map { [x[$0], lower[$0], upper[$0]] })
        case let .histogram(centres, counts, widths):
            return Table(kind: "histogram", columns: ["centre", "count", "width"],
                         rows: centres.indices.map { [centres[$0], counts[$0], widths[$0]] })
        case let .heatmap(map):
            let rows = map.y.indices.flatMap { i in map.x.indices.map { j in [map.x[j], map.y[i], map.values[i][j]] } }
            return Table(kind: "heatmap", columns: ["x", "y", "value"], rows: rows, scanLine: map.x.count)
        case .bars:
            let column = bars.bars[barsSeen]
            barsSeen += 1
            return Table(kind: "bars", columns: ["x", "y", "left", "right", "bottom", "top"],
                         rows: column.map { [$0.centre, $0.top, $0.left, $0.right, $0.bottom, $0.top] })
        case let .reference(.segment(from, to)):
            return Table(kind: "segment", columns: ["x", "y"], rows: [[from.x, from.y], [to.x, to.y]])
        case .reference:
            return nil
        }
    }
}
