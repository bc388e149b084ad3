/// One rule judged on one arm over the seeds.
public struct RuleOutcome: Sendable, Codable, Equatable {
    public let id: String
    /// The metric's property name.
    public let metric: String
    /// "< 0.05", "in [0.2, 0.25]".
    public let condition: String
    public let soft: Bool
    /// One value per seed.
    public let values: [Double]
    /// Whether the condition holds, per seed (NaN never holds).
    public let holds: [Bool]
    /// The seed (index) closest to the threshold on the inside, or furthest past it.
    public let worstSeedIndex: Int

    /// Seeds that must pass: all, or ⌈0.8 n⌉ for a soft rule.
    public var required: Int { soft ? Int((0.8 * Double(holds.count)).rounded(.up)) : holds.count }
    public var passing: Int { holds.filter { $0 }.count }
    /// Enough seeds pass.
    public var held: Bool { passing >= required }
    /// So few seeds pass that the rule could not hold (none, for a strict rule).
    public var failed: Bool { passing <= holds.count - required }
}

/// A set of rules judged on the claim's arm and on its control's arm.
public struct RuleSetOutcome: Sendable, Codable, Equatable {
    public let claim: [RuleOutcome]
    public let control: [RuleOutcome]
    /// Whether the control is judged as it must be: a negative control is accepted (every rule at once) on no seed;
    /// a positive control holds like a claim.
    public let controlBehaves: Bool
    public let verdict: Verdict

    /// Seeds on which every claim rule holds.
    public var claimSeeds: [Bool] { seedwise(claim) }
    /// Seeds on which the control is accepted (every rule at once).
    public var controlSeeds: [Bool] { seedwise(control) }

    private func seedwise(_ rules: [RuleOutcome]) -> [Bool] {
        guard let first = rules.first else { return [] }
        return first.holds.indices.map { i in rules.allSatisfy { $0.holds[i] } }
    }

    /// DESIGN.md's verdict rules: `inconclusive` when the control does not behave; `reproduced` when every rule
    /// holds; `not reproduced` when a rule clearly fails; `inconclusive` when the seeds disagree.
    init(claim: [RuleOutcome], control: [RuleOutcome], controlMustBe: ControlExpectation) {
        self.claim = claim
        self.control = control
        let seeds = control.first?.holds.indices.map { i in control.allSatisfy { $0.holds[i] } } ?? []
        switch controlMustBe {
        case .rejected: controlBehaves = !seeds.contains(true)
        case .accepted: controlBehaves = control.allSatisfy(\.held)
        }
        if !controlBehaves {
            verdict = .inconclusive
        } else if claim.allSatisfy(\.held) {
            verdict = .reproduced
        } else if claim.contains(where: \.failed) {
            verdict = .notReproduced
        } else {
            verdict = .inconclusive
        }
    }
}

/// What a control must be: a negative control (a mutation of the mechanism, or a plausible alternative) must be
/// rejected by the claim's rules; a positive control (for a claim expected to fail) must be accepted.
public enum ControlExpectation: String, Sendable, Codable {
    case rejected, accepted
}

/// The verdict on a claim under the rules in force and under the pre-registered rules, reached before any figure or
/// sentence of the report is written.
public struct Judgement: Sendable, Codable, Equatable {
    /// The rules as judged (amended where amended).
    public let inForce: RuleSetOutcome
    /// CLAIMS.md's rules as written (added rules left out).
    public let preregistered: RuleSetOutcome
    public let seeds: [Int]

    public var verdict: Verdict { inForce.verdict }
    /// Whether the pre-registered rules give another verdict than the rules in force.
    public var deviates: Bool { preregistered.verdict != inForce.verdict }

    /// Per seed: whether that seed alone agrees with `expected` — the claim's rules hold (for `reproduced`) or fail
    /// (for `not reproduced`), and the control is judged as it must be on that seed. What the fresh-seed check counts.
    public func seedsAgreeing(with expected: Verdict) -> [Bool] {
        let claim = inForce.claimSeeds, control = inForce.controlSeeds
        return claim.indices.map { i in
            let behaves = controlMustBe == .rejected ? !control[i] : control[i]
            return behaves && (expected == .reproduced ? claim[i] : expected == .notReproduced && !claim[i])
        }
    }
    public let controlMustBe: ControlExpectation

    /// The in-force outcome of the rule `id`.
    public func rule(_ id: String) -> RuleOutcome? { inForce.claim.first { $0.id == id } }

    /// Judges `rules` on per-seed metrics of the claim's arm and the control's arm.
    public init<Metrics>(rules: [Rule<Metrics>], claim: [Metrics], control: [Metrics], seeds: [Int],
                         controlMustBe: ControlExpectation) {
        precondition(claim.count == seeds.count && control.count == seeds.count,
                     "Judgement: \(claim.count) claim and \(control.count) control outcomes for \(seeds.count) seeds")
        precondition(!rules.isEmpty, "Judgement: a claim needs at least one rule")
        func outcome(_ id: String, _ term: Rule<Metrics>.Term, soft: Bool, _ arm: [Metrics]) -> RuleOutcome {
            let values = arm.map { $0[keyPath: term.metric] }
            let margins = values.map(term.condition.margin)
            return RuleOutcome(id: id, metric: term.metricName, condition: term.condition.text, soft: soft,
                               values: values, holds: values.map(term.condition.holds),
                               worstSeedIndex: margins.indices.min { margins[$0] < margins[$1] } ?? 0)
        }
        func judge(_ terms: [(id: String, term: Rule<Metrics>.Term, soft: Bool)]) -> RuleSetOutcome {
            RuleSetOutcome(claim: terms.map { outcome($0.id, $0.term, soft: $0.soft, claim) },
                           control: terms.map { outcome($0.id, $0.term, soft: $0.soft, control) },
                           controlMustBe: controlMustBe)
        }
        inForce = judge(rules.map { ($0.id, $0.inForce, $0.soft) })
        let original = rules.compactMap { rule in rule.preregistered.map { (rule.id, $0, rule.soft) } }
        preregistered = original.isEmpty ? inForce : judge(original)
        self.seeds = seeds
        self.controlMustBe = controlMustBe
    }
}
