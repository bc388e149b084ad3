import Foundation

/// The smallest and largest data values a plot puts on its x or left y axis, for choosing tic steps
/// and baselines; `nil` when the plot has no finite values there.
struct DataExtent {
    let lower: Double
    let upper: Double

    enum Direction { case x, y }

    init?(of plot: Figure, along direction: Direction) {
        var values: [Double] = []
        let bars = BarGeometry(plot: plot)
        var barsSeen = 0
        for series in plot.series where direction == .x || series.yAxis == .y {
            switch series.mark {
            case let .lines(x, y), let .points(x, y), let .linePoints(x, y):
                values += direction == .x ? x : y
            case let .band(x, lower, upper):
                values += direction == .x ? x : lower + upper
            case let .histogram(centres, counts, widths):
                if direction == .x {
                    for (centre, width) in zip(centres, widths) { values += [centre - width / 2, centre + width / 2] }
                } else {
                    values += counts + [0]
                }
            case let .heatmap(map):
                values += direction == .x ? map.x : map.y
            case .bars:
                let column = bars.bars[barsSeen]
                barsSeen += 1
                for bar in column { values += direction == .x ? [bar.left, bar.right] : [bar.bottom, bar.top] }
            case let .reference(line):
                switch (line, direction) {
                case let (.horizontal(y), .y): values.append(y)
                case let (.vertical(x), .x): values.append(x)
                case let (.segment(from, to), _): values += direction == .x ? [from.x, to.x] : [from.y, to.y]
                default: break
                }
            }
        }
        let finite = values.filter(\.isFinite)
        guard let lower = finite.min(), let upper = finite.max() else { return nil }
        self.lower = lower
        self.upper = upper
    }

    /// A tic step of 1, 2, 2.5 or 5 times a power of ten giving about `count` intervals over `lower…upper`.
    ///
    /// ```swift
    /// DataExtent.niceStep(from: 0, to: 1000, count: 4)   // 250
    /// DataExtent.niceStep(from: -1, to: 1, count: 4)     // 0.5
    /// ```
    static func niceStep(from lower: Double, to upper: Double, count: Int) -> Double? {
        let raw = (upper - lower) / Double(max(count, 1))
        guard raw > 0, raw.isFinite else { return nil }
        let magnitude = pow10(Int(log10(raw).rounded(.down)))
        let normalised = raw / magnitude
        let nice: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10
        return nice * magnitude
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
