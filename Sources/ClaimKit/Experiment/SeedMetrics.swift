/// A struct of numbers measured on one seed — the claim's metrics, or the extra numbers and curves a report quotes and
/// plots. Every stored `Double` (or `Int`) property is a metric named by the property, so a misspelt metric is a compile error in Swift
/// and a failing test in `report.md`:
///
///     struct Metrics: SeedMetrics { var attenuation = 0.0, firstToLastWeightGradient = 0.0 }
///
/// `init()` (free for a struct whose properties all have defaults) gives the template test values to render against.
/// `Codable` (synthesised when every property is) lets a shard write what its seeds measured, so that another
/// process can judge them (`--measure-only`, `--merge`).
public protocol SeedMetrics: Sendable, Codable {
    init()
}

/// No extra per-seed values beyond the claim's metrics.
public struct NoExtra: SeedMetrics {
    public init() {}
}

/// Named facts an experiment computes from the judged run for its prose (`{{facts.<name>}}`): texts, numbers and
/// booleans, e.g. `var largestStableRate = 0.0` or `var escapedPlateau = false`. A template branches on booleans only.
public protocol ClaimFacts: Sendable {
    init()
}

/// No named facts beyond the judgement and the metrics.
public struct NoFacts: ClaimFacts {
    public init() {}
}

/// Reading a metric struct by name, through `Mirror` (no hand-kept list of names).
enum MetricFields {
    /// The numeric stored properties of `value`, in declaration order.
    static func numbers(of value: Any) -> [(name: String, value: Double)] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let name = child.label else { return nil }
            switch child.value {
            case let x as Double: return (name, x)
            case let x as Int: return (name, Double(x))
            default: return nil
            }
        }
    }

    /// Every stored property of `value` by name, numbers or not.
    static func all(of value: Any) -> [(name: String, value: Any)] {
        Mirror(reflecting: value).children.compactMap { child in child.label.map { ($0, child.value) } }
    }

    /// The property a key path names: `\Metrics.attenuation` → "attenuation".
    static func name(of keyPath: AnyKeyPath) -> String {
        let text = String(describing: keyPath)
        return text.split(separator: ".").last.map(String.init) ?? text
    }
}
