/// Where the bars of a plot stand: category `i` is centred on x = i; clustered bars split
/// ``clusterWidth`` between the series, stacked bars share one ``stackWidth`` column.
struct BarGeometry {
    static let clusterWidth = 0.8
    static let stackWidth = 0.6

    /// One bar: its horizontal extent and its bottom and top.
    struct Bar {
        let left: Double, right: Double, bottom: Double, top: Double
        var centre: Double { (left + right) / 2 }
    }

    /// The categories shared by every bar series of the plot (those of the first).
    let categories: [String]
    /// `bars[k][i]`: bar of the k-th bar series at category i.
    let bars: [[Bar]]

    init(plot: Figure) {
        let series = plot.series.compactMap { series -> (categories: [String], values: [Double])? in
            if case let .bars(categories, values) = series.mark { return (categories, values) }
            return nil
        }
        categories = series.first?.categories ?? []
        for other in series {
            precondition(other.categories == categories,
                         "Series.bars: all bar series of a plot need the same categories; got \(categories) and \(other.categories)")
        }
        switch plot.barLayout {
        case .clustered:
            let width = Self.clusterWidth / Double(max(series.count, 1))
            bars = series.enumerated().map { k, s in
                s.values.enumerated().map { i, value in
                    let left = Double(i) - Self.clusterWidth / 2 + width * Double(k)
                    return Bar(left: left, right: left + width, bottom: 0, top: value)
                }
            }
        case .stacked:
            var above = Array(repeating: 0.0, count: categories.count)
            var below = Array(repeating: 0.0, count: categories.count)
            bars = series.map { s in
                s.values.enumerated().map { i, value in
                    let left = Double(i) - Self.stackWidth / 2
                    let base = value >= 0 ? above[i] : below[i]
                    if value >= 0 { above[i] += value } else { below[i] += value }
                    return Bar(left: left, right: left + Self.stackWidth, bottom: base, top: base + value)
                }
            }
        }
    }
}
