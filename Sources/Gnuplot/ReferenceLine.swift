/// A line drawn for comparison: a threshold, a marker, or a theoretical curve.
///
/// ```swift
/// figure.add(.referenceLine(.horizontal(y: -3), label: "y = −3"))
/// figure.add(.referenceLine(.vertical(x: 10), label: nil))
/// figure.add(.referenceLine(.segment(from: (x: 1, y: 1), to: (x: 100, y: 0.1)), label: "slope −½"))
/// figure.add(.referenceLine(.function("sqrt(2.0/x)"), label: "√(2/n)"))
/// ```
///
/// Horizontal and vertical lines span the whole plot whatever its range; a segment is straight on screen,
/// so on log–log axes it shows a power law with the slope its two points define.
public enum ReferenceLine: Sendable {
    /// The line y = `y` across the whole plot.
    case horizontal(y: Double)
    /// The line x = `x` across the whole plot.
    case vertical(x: Double)
    /// The straight segment between two points (in data coordinates).
    case segment(from: (x: Double, y: Double), to: (x: Double, y: Double))
    /// A curve y = f(x) written as a gnuplot expression in `x`, e.g. `"2*x**-0.5"` or `"exp(-x)"`.
    case function(String)
}
