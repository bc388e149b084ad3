/// One rule of a claim: a per-seed metric and the condition it must meet, in its pre-registered form (the rule as
/// ../shared/CLAIMS.md wrote it before any run) and, where an experiment amends it, the amended form in force. Both
/// are judged on the same run, so a report can show the verdict each gives. The reason for an amendment is prose: it
/// lives in the claim's `report.md` front matter under `rules.<id>.amendment`.
///
///     Rule("attenuation", \.attenuation, .between(0.20, 0.25))                       // as pre-registered
///     Rule("bn-accuracy", \.accuracyGainAt500, .greaterThan(0.05))
///         .amended(to: \.meanAccuracyGain, .greaterThan(0.05))                       // judged on another metric
///     Rule.added("he-loss", \.heLoss, .lessThan(1.0))                                // not in CLAIMS.md
public struct Rule<Metrics: SeedMetrics>: Sendable {
    /// A metric and its condition.
    public struct Term: Sendable {
        public let metric: KeyPath<Metrics, Double> & Sendable
        public let condition: Condition
        /// The metric's property name, e.g. "attenuation".
        public var metricName: String { MetricFields.name(of: metric) }

        public func holds(_ metrics: Metrics) -> Bool { condition.holds(metrics[keyPath: metric]) }
    }

    /// Kebab-case id, the key of the rule in report.md and result.json.
    public let id: String
    /// The rule as CLAIMS.md states it; nil for a rule CLAIMS.md does not have.
    public let preregistered: Term?
    /// The rule as judged; differs from `preregistered` when amended.
    public let inForce: Term
    /// A soft rule needs ≥ 80% of seeds (4 of 5) instead of all (CLAIMS.md marks which).
    public let soft: Bool

    /// A rule exactly as pre-registered.
    public init(_ id: String, _ metric: KeyPath<Metrics, Double> & Sendable, _ condition: Condition, soft: Bool = false) {
        self.id = id
        let term = Term(metric: metric, condition: condition)
        preregistered = term
        inForce = term
        self.soft = soft
    }

    private init(id: String, preregistered: Term?, inForce: Term, soft: Bool) {
        self.id = id
        self.preregistered = preregistered
        self.inForce = inForce
        self.soft = soft
    }

    /// A rule CLAIMS.md does not state (e.g. a second metric that sharpens a claim); it does not count towards the
    /// pre-registered verdict.
    public static func added(_ id: String, _ metric: KeyPath<Metrics, Double> & Sendable, _ condition: Condition,
                             soft: Bool = false) -> Rule {
        Rule(id: id, preregistered: nil, inForce: Term(metric: metric, condition: condition), soft: soft)
    }

    /// This rule amended to `condition` on `metric` (default: the same metric); the pre-registered form stays.
    public func amended(to metric: (KeyPath<Metrics, Double> & Sendable)? = nil, _ condition: Condition) -> Rule {
        Rule(id: id, preregistered: preregistered,
             inForce: Term(metric: metric ?? inForce.metric, condition: condition), soft: soft)
    }

    /// Whether the rule in force differs from the pre-registered one.
    public var isAmended: Bool {
        guard let preregistered else { return true }
        return preregistered.metricName != inForce.metricName || preregistered.condition != inForce.condition
    }
}
