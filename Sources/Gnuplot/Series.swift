/// One thing drawn in a plot: a line, a scatter, a band, a histogram, a heatmap, bars, or a reference line.
///
/// Build series with the static constructors and add them to a ``Figure``:
///
/// ```swift
/// figure.add(.band(x: layers, lower: mins, upper: maxs, label: nil))   // drawn under the line after it
/// figure.add(.line(x: layers, y: means, label: "sigmoid"))
/// figure.add(.points(x: fanIn, y: stds, label: "measured"))
/// figure.add(.histogram(binEdges: edges, counts: counts, label: "layer 3"))
/// figure.add(.bars(categories: ["relu", "tanh"], values: [0.91, 0.85], label: "accuracy"))
/// figure.add(.line(x: steps, y: loss, label: "loss").onY2())           // measured on the right-hand axis
/// figure.add(.referenceLine(.horizontal(y: -3), label: "y = −3"))
/// ```
///
/// Colours, dash patterns and point types come from the ``HouseStyle``: each line, scatter, histogram
/// or bar series takes the next palette slot in the order added; a band takes the slot of the series added
/// right after it (so a band and its mean line share a colour). ``paletteSlot(_:)`` overrides the choice.
public struct Series: Sendable {
    /// The legend entry, or `nil` for none.
    public var label: String?
    /// The vertical axis the series is measured on.
    public var yAxis: VerticalAxis = .y
    /// The house-style slot (colour, dash, point type) to use, or `nil` to take the next one.
    public var slot: Int?
    /// What is drawn, with its data.
    let mark: Mark

    init(_ mark: Mark, label: String?) {
        self.mark = mark
        self.label = label
    }

    /// The same series measured on the twin (right-hand) axis, ``Figure/y2``.
    public func onY2() -> Series {
        var copy = self
        copy.yAxis = .y2
        return copy
    }

    /// The same series drawn in house-style slot `slot` (0-based), e.g. to give two panels matching colours.
    public func paletteSlot(_ slot: Int) -> Series {
        precondition(slot >= 0, "Series.paletteSlot: slot must be 0 or more, got \(slot)")
        var copy = self
        copy.slot = slot
        return copy
    }
}

/// Which vertical axis a series is measured on.
public enum VerticalAxis: Sendable, Equatable {
    /// The left-hand axis, ``Figure/y``.
    case y
    /// The right-hand twin axis, ``Figure/y2``.
    case y2
}

/// What a series draws; each case carries its data.
enum Mark: Sendable {
    case lines(x: [Double], y: [Double])
    case points(x: [Double], y: [Double])
    case linePoints(x: [Double], y: [Double])
    /// The region between `lower` and `upper` at each `x`.
    case band(x: [Double], lower: [Double], upper: [Double])
    /// Pre-binned bars touching each other: bin centres, heights and widths.
    case histogram(centres: [Double], counts: [Double], widths: [Double])
    case heatmap(Heatmap)
    /// One value per category; all bar series of a plot share the categories.
    case bars(categories: [String], values: [Double])
    case reference(ReferenceLine)
}

extension Series {
    /// A polyline through the points `(x[i], y[i])`.
    public static func line(x: [Double], y: [Double], label: String?) -> Series {
        checkPaired(x, y, "line")
        return Series(.lines(x: x, y: y), label: label)
    }

    /// A scatter of unconnected markers at `(x[i], y[i])`.
    public static func points(x: [Double], y: [Double], label: String?) -> Series {
        checkPaired(x, y, "points")
        return Series(.points(x: x, y: y), label: label)
    }

    /// A polyline with a marker at each point.
    public static func linePoints(x: [Double], y: [Double], label: String?) -> Series {
        checkPaired(x, y, "linePoints")
        return Series(.linePoints(x: x, y: y), label: label)
    }

    /// A translucent band between `lower[i]` and `upper[i]` (e.g. min–max or a 95% CI over seeds),
    /// drawn under every line of the plot in the colour of the series added right after it.
    public static func band(x: [Double], lower: [Double], upper: [Double], label: String?) -> Series {
        checkPaired(x, lower, "band (lower)")
        checkPaired(x, upper, "band (upper)")
        return Series(.band(x: x, lower: lower, upper: upper), label: label)
    }

    /// A histogram from pre-binned counts at bin `centres`; every bar has width `width`
    /// (by default the smallest gap between neighbouring centres, or 1 for a single bin).
    ///
    /// ```swift
    /// .histogram(centres: [-0.9, -0.7, …, 0.9], counts: counts, label: nil)
    /// ```
    public static func histogram(centres: [Double], counts: [Double], width: Double? = nil, label: String?) -> Series {
        checkPaired(centres, counts, "histogram")
        let binWidth = width ?? smallestGap(centres)
        precondition(binWidth > 0 && binWidth.isFinite, "Series.histogram: bin width must be positive, got \(binWidth)")
        return Series(.histogram(centres: centres, counts: counts, widths: Array(repeating: binWidth, count: centres.count)),
                      label: label)
    }

    /// A histogram from bin edges (`counts.count + 1` of them, increasing) and the count in each bin.
    ///
    /// ```swift
    /// .histogram(binEdges: [0, 0.5, 1, 2], counts: [3, 5, 1], label: "tanh")
    /// ```
    public static func histogram(binEdges: [Double], counts: [Double], label: String?) -> Series {
        precondition(binEdges.count == counts.count + 1,
                     "Series.histogram: \(counts.count) counts need \(counts.count + 1) bin edges, got \(binEdges.count)")
        let widths = zip(binEdges.dropFirst(), binEdges).map { $0 - $1 }
        precondition(widths.allSatisfy { $0 > 0 }, "Series.histogram: bin edges must increase, got \(binEdges)")
        let centres = zip(binEdges.dropFirst(), binEdges).map { ($0 + $1) / 2 }
        return Series(.histogram(centres: centres, counts: counts, widths: widths), label: label)
    }

    /// A heatmap of `values[row][column]`, drawn as an image with the house colour map and a colour bar
    /// labelled by ``Figure/colorbar``. Column `j` sits at `x[j]` and row `i` at `y[i]`
    /// (by default 0, 1, 2, …); both must be evenly spaced.
    public static func heatmap(_ values: [[Double]], x: [Double]? = nil, y: [Double]? = nil) -> Series {
        Series(.heatmap(Heatmap(values: values, x: x, y: y)), label: nil)
    }

    /// Bars, one per category; several bar series in one plot are clustered or stacked
    /// according to ``Figure/barLayout``, and must list the same categories.
    ///
    /// ```swift
    /// figure.add(.bars(categories: ["Xavier", "He"], values: [0.12, 0.87], label: "ReLU"))
    /// figure.add(.bars(categories: ["Xavier", "He"], values: [0.85, 0.83], label: "tanh"))
    /// ```
    public static func bars(categories: [String], values: [Double], label: String?) -> Series {
        precondition(categories.count == values.count,
                     "Series.bars: \(categories.count) categories but \(values.count) values")
        return Series(.bars(categories: categories, values: values), label: label)
    }

    /// A dashed grey reference: a horizontal or vertical line, a segment, or a curve.
    public static func referenceLine(_ line: ReferenceLine, label: String?) -> Series {
        Series(.reference(line), label: label)
    }

    private static func checkPaired(_ a: [Double], _ b: [Double], _ kind: String) {
        precondition(a.count == b.count, "Series.\(kind): x has \(a.count) values but y has \(b.count)")
    }

    private static func smallestGap(_ centres: [Double]) -> Double {
        let gaps = zip(centres.sorted().dropFirst(), centres.sorted()).map { $0 - $1 }.filter { $0 > 0 }
        return gaps.min() ?? 1
    }
}
