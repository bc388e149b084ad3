/// One axis of a plot: its label, its range and its scale.
///
/// ```swift
/// figure.x = Axis(label: "layer l")
/// figure.y = Axis(label: "‖∂L/∂W_l‖", scale: .log10)
/// figure.y2 = Axis(label: "accuracy", range: .between(0, 1))
/// ```
///
/// Labels are drawn verbatim (no gnuplot "enhanced text" markup), so `W_l` stays `W_l`;
/// write subscripts with Unicode (`W₁`) when you want them.
public struct Axis: Sendable, Equatable {
    /// The text beside the axis, or `nil` for none.
    public var label: String?
    /// The span of values shown.
    public var range: AxisRange
    /// How values map to positions.
    public var scale: AxisScale
    /// Tick positions, or `nil` to let gnuplot choose.
    public var ticks: [Double]?

    public init(label: String? = nil, range: AxisRange = .automatic, scale: AxisScale = .linear, ticks: [Double]? = nil) {
        self.label = label
        self.range = range
        self.scale = scale
        self.ticks = ticks
    }

    /// An axis counting 1…`count` (layers, epochs) with a tick at 1 and then at every multiple of a step giving at
    /// most about 10 ticks: `counting("layer", upTo: 10)` ticks 1, 2, …, 10; `upTo: 30` ticks 1, 5, 10, …, 30.
    public static func counting(_ label: String, upTo count: Int) -> Axis {
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { count / $0 <= 10 } ?? max(1, count / 10)
        let ticks = [1.0] + stride(from: step, through: count, by: step).filter { $0 > 1 }.map(Double.init)
        let margin = max(0.2, Double(count) * 0.02)
        return Axis(label: label, range: .between(1 - margin, Double(count) + margin), ticks: ticks)
    }
}

/// The span of values an axis shows; each end is either fixed or chosen from the data.
///
/// ```swift
/// Axis(range: .between(-3, 3))   // both ends fixed
/// Axis(range: .from(0))          // starts at 0, upper end from the data
/// Axis(range: .upTo(1))          // lower end from the data, ends at 1
/// ```
public struct AxisRange: Sendable, Equatable {
    /// The fixed lower end, or `nil` to take it from the data.
    public var lower: Double?
    /// The fixed upper end, or `nil` to take it from the data.
    public var upper: Double?

    public init(lower: Double?, upper: Double?) {
        precondition(lower.map(\.isFinite) ?? true && upper.map(\.isFinite) ?? true,
                     "AxisRange: ends must be finite, got lower \(String(describing: lower)), upper \(String(describing: upper))")
        if let lower, let upper {
            precondition(lower < upper, "AxisRange: lower end \(lower) must be below upper end \(upper)")
        }
        self.lower = lower
        self.upper = upper
    }

    /// Both ends from the data (gnuplot's autoscale).
    public static let automatic = AxisRange(lower: nil, upper: nil)
    /// Both ends fixed.
    public static func between(_ lower: Double, _ upper: Double) -> AxisRange { AxisRange(lower: lower, upper: upper) }
    /// A fixed lower end; the upper end from the data.
    public static func from(_ lower: Double) -> AxisRange { AxisRange(lower: lower, upper: nil) }
    /// A fixed upper end; the lower end from the data.
    public static func upTo(_ upper: Double) -> AxisRange { AxisRange(lower: nil, upper: upper) }

    /// True when neither end is fixed.
    public var isAutomatic: Bool { lower == nil && upper == nil }
}

/// How an axis maps values to positions.
public enum AxisScale: Sendable, Equatable {
    /// Equal steps for equal differences.
    case linear
    /// Equal steps for equal ratios, with tics at powers of 10.
    case log10
    /// Equal steps for equal ratios, with tics at powers of 2.
    case log2

    /// The logarithm base, or `nil` for a linear axis.
    var logBase: Int? {
        switch self {
        case .linear: nil
        case .log10: 10
        case .log2: 2
        }
    }
}
