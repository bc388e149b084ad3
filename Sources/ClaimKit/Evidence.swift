/// What an experiment measured: named metrics, one value per seed, in the order they were added (the report's order).
/// A diverged seed records NaN — it is evidence, not a crash.
public struct LegacyEvidence: Sendable, Equatable {
    /// One measured quantity over the seeds.
    public struct Metric: Sendable, Equatable {
        /// Machine name, used by rules and in result.json, e.g. "attenuation".
        public let name: String
        /// Human label for tables, e.g. "per-layer attenuation of ‖∂L/∂h‖, sigmoid".
        public let label: String
        /// One value per seed, in the order of `LegacyEvidence.seeds`.
        public let values: [Double]
        public var summary: Summary { Summary(values) }
    }

    /// The seeds the values belong to.
    public let seeds: [Int]
    public private(set) var metrics: [Metric] = []

    public init(seeds: [Int]) {
        precondition(!seeds.isEmpty, "LegacyEvidence: no seeds")
        self.seeds = seeds
    }

    /// Records a metric; `values` has one entry per seed.
    public mutating func add(_ name: String, label: String, values: [Double]) {
        precondition(values.count == seeds.count,
                     "LegacyEvidence.add(\(name)): \(values.count) values for \(seeds.count) seeds")
        precondition(!metrics.contains { $0.name == name }, "LegacyEvidence.add: metric \(name) recorded twice")
        metrics.append(Metric(name: name, label: label, values: values))
    }

    /// The metric called `name`.
    public subscript(name: String) -> Metric {
        guard let metric = metrics.first(where: { $0.name == name }) else {
            preconditionFailure("LegacyEvidence: no metric \(name); have \(metrics.map(\.name))")
        }
        return metric
    }
}
