import Foundation
import Reporting

/// One rule of a check: a metric and the condition it must meet.
public struct LegacyRule: Sendable, Equatable {
    public let metric: String
    public let condition: Condition

    public init(_ metric: String, _ condition: Condition) {
        self.metric = metric
        self.condition = condition
    }
}

/// The test a claim must pass: every rule on a seed, on every seed (or on ≥ 80% of them when `soft`), with the
/// reason for the thresholds written out for the report.
public struct LegacyCheck: Sendable {
    public let rules: [LegacyRule]
    /// Soft rules need ≥ 80% of seeds (4 of 5) instead of all (CLAIMS.md marks which).
    public let soft: Bool
    /// Why these thresholds: derived from what, with which margin. Printed in the report.
    public let reason: String

    public init(rules: [LegacyRule], soft: Bool = false, reason: String) {
        precondition(!rules.isEmpty, "LegacyCheck: no rules")
        self.rules = rules
        self.soft = soft
        self.reason = reason
    }

    /// Seeds that must pass for the check to hold on `seedCount` seeds.
    public func requiredSeeds(of seedCount: Int) -> Int {
        soft ? Int((0.8 * Double(seedCount)).rounded(.up)) : seedCount
    }

    /// Evaluates every rule on every seed of `evidence`.
    public func evaluate(_ evidence: LegacyEvidence) -> LegacyCheckResult {
        let results = rules.map { rule in
            let metric = evidence[rule.metric]
            return LegacyCheckResult.RuleResult(rule: rule, label: metric.label, values: metric.values,
                                          holds: metric.values.map(rule.condition.holds))
        }
        let passing = evidence.seeds.indices.filter { i in results.allSatisfy { $0.holds[i] } }
        return LegacyCheckResult(rules: results, seeds: evidence.seeds, passingSeedIndices: passing,
                           required: requiredSeeds(of: evidence.seeds.count))
    }
}

/// A check's result on one body of evidence.
public struct LegacyCheckResult: Sendable {
    public struct RuleResult: Sendable {
        public let rule: LegacyRule
        public let label: String
        public let values: [Double]
        public let holds: [Bool]
        /// The index of the seed closest to (or furthest past) the threshold.
        public var worstSeedIndex: Int {
            values.indices.min { rule.condition.margin(values[$0]) < rule.condition.margin(values[$1]) }!
        }
    }

    public let rules: [RuleResult]
    public let seeds: [Int]
    /// Indices (into `seeds`) of the seeds on which every rule holds.
    public let passingSeedIndices: [Int]
    /// How many seeds must pass.
    public let required: Int

    /// Whether the check holds: enough seeds pass.
    public var holds: Bool { passingSeedIndices.count >= required }
    /// Whether the check clearly fails: so few seeds pass that it could not hold (none, for a strict check).
    public var fails: Bool { passingSeedIndices.count <= seeds.count - required }
}

/// A deliberately different variant that the same check must judge the other way — the proof that the check can fail
/// (a negative control, which must be rejected) or can pass (a positive control, for claims expected to fail).
public struct LegacyControl: Sendable {
    public enum Expectation: String, Sendable { case rejected, accepted }
    /// What the variant is, e.g. "ReLU with He init instead of sigmoid".
    public let description: String
    public let expectation: Expectation
    public let evidence: LegacyEvidence

    public init(_ description: String, mustBe expectation: Expectation, evidence: LegacyEvidence) {
        self.description = description
        self.expectation = expectation
        self.evidence = evidence
    }
}

/// The verdict on a claim with everything that led to it.
public struct LegacyJudgement: Sendable {
    public let verdict: Verdict
    public let claim: LegacyCheckResult
    public let control: LegacyCheckResult
    /// Whether the control was judged as it must be (rejected on every seed, or accepted on every seed).
    public let controlBehaves: Bool

    /// Applies `check` to the claim's evidence and the control's (DESIGN.md's verdict rules): `inconclusive` when the
    /// control is not judged as it must be or the seeds disagree; otherwise `reproduced` or `not reproduced`.
    public init(check: LegacyCheck, claim: LegacyEvidence, control: LegacyControl) {
        self.claim = check.evaluate(claim)
        self.control = check.evaluate(control.evidence)
        switch control.expectation {
        case .rejected: controlBehaves = self.control.passingSeedIndices.isEmpty
        case .accepted: controlBehaves = self.control.passingSeedIndices.count == control.evidence.seeds.count
        }
        if !controlBehaves {
            verdict = .inconclusive
        } else if self.claim.holds {
            verdict = .reproduced
        } else if self.claim.fails {
            verdict = .notReproduced
        } else {
            verdict = .inconclusive
        }
    }
}
