import Foundation
import Reporting

/// A condition one metric must meet on a seed. NaN (a diverged run) never meets a condition.
public enum Condition: Sendable, Equatable {
    case lessThan(Double)
    case greaterThan(Double)
    /// lower ≤ value ≤ upper.
    case between(Double, Double)

    public func holds(_ value: Double) -> Bool {
        switch self {
        case .lessThan(let t): value < t
        case .greaterThan(let t): value > t
        case .between(let lower, let upper): value >= lower && value <= upper
        }
    }

    /// How far `value` is inside the condition (positive) or outside it (negative), in the metric's units: the seed
    /// with the smallest margin is the worst seed.
    public func margin(_ value: Double) -> Double {
        guard !value.isNaN else { return -.infinity }
        switch self {
        case .lessThan(let t): return t - value
        case .greaterThan(let t): return value - t
        case .between(let lower, let upper): return min(value - lower, upper - value)
        }
    }

    /// "< 0.05", "> 0.8", "in [0.2, 0.25]".
    public var text: String {
        switch self {
        case .lessThan(let t): "< \(Numbers.compact(t))"
        case .greaterThan(let t): "> \(Numbers.compact(t))"
        case .between(let lower, let upper): "in [\(Numbers.compact(lower)), \(Numbers.compact(upper))]"
        }
    }
}
