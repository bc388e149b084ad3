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
        case .lessThan(let t): "< \(compact(t))"
        case .greaterThan(let t): "> \(compact(t))"
        case .between(let lower, let upper): "in [\(compact(lower)), \(compact(upper))]"
        }
    }
}

/// Reporting's 4-significant-digit text without trailing zeros ("0.25", not "0.2500"; "7.7e-6").
private func compact(_ x: Double) -> String {
    let text = NumberFormat.format(x, significant: 4)
    guard text.contains(".") else { return text }
    let exponent = text.firstIndex(of: "e") ?? text.endIndex
    var mantissa = text[..<exponent]
    while mantissa.hasSuffix("0") { mantissa.removeLast() }
    if mantissa.hasSuffix(".") { mantissa.removeLast() }
    return String(mantissa + text[exponent...])
}

/// One rule of a check: a metric and the condition it must meet.
public struct Rule: Sendable, Equatable {
    public let metric: String
    public let condition: Condition

    public init(_ metric: String, _ condition: Condition) {
        self.metric = metric
        self.condition = condition
    }
}

/// The test a claim must pass: every rule on a seed, on every seed (or on ≥ 80% of them when `soft`), with the
/// reason for the thresholds written out for the report.
public struct Check: Sendable {
    public let rules: [Rule]
    /// Soft rules need ≥ 80% of seeds (4 of 5) instead of all (CLAIMS.md marks which).
    public let soft: Bool
    /// Why these thresholds: derived from what, with which margin. Printed in the report.
    public let reason: String

    public init(rules: [Rule], soft: Bool = false, reason: String) {
        precondition(!rules.isEmpty, "Check: no rules")
        self.rules = rules
        self.soft = soft
        self.reason = reason
    }

    /// Seeds that must pass for the check to hold on `seedCount` seeds.
    public func requiredSeeds(of seedCount: Int) -> Int {
        soft ? Int((0.8 * Double(seedCount)).rounded(.up)) : seedCount
    }

    /// Evaluates every rule on every seed of `evidence`.
    public func evaluate(_ evidence: Evidence) -> CheckResult {
        let results = rules.map { rule in
            let metric = evidence[rule.metric]
            return CheckResult.RuleResult(rule: rule, label: metric.label, values: metric.values,
                                          holds: metric.values.map(rule.condition.holds))
        }
        let passing = evidence.seeds.indices.filter { i in results.allSatisfy { $0.holds[i] } }
        return CheckResult(rules: results, seeds: evidence.seeds, passingSeedIndices: passing,
                           required: requiredSeeds(of: evidence.seeds.count))
    }
}

/// A check's result on one body of evidence.
public struct CheckResult: Sendable {
    public struct RuleResult: Sendable {
        public let rule: Rule
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
public struct Control: Sendable {
    public enum Expectation: String, Sendable { case rejected, accepted }
    /// What the variant is, e.g. "ReLU with He init instead of sigmoid".
    public let description: String
    public let expectation: Expectation
    public let evidence: Evidence

    public init(_ description: String, mustBe expectation: Expectation, evidence: Evidence) {
        self.description = description
        self.expectation = expectation
        self.evidence = evidence
    }
}

/// The verdict on a claim with everything that led to it.
public struct Judgement: Sendable {
    public let verdict: Verdict
    public let claim: CheckResult
    public let control: CheckResult
    /// Whether the control was judged as it must be (rejected on every seed, or accepted on every seed).
    public let controlBehaves: Bool

    /// Applies `check` to the claim's evidence and the control's (DESIGN.md's verdict rules): `inconclusive` when the
    /// control is not judged as it must be or the seeds disagree; otherwise `reproduced` or `not reproduced`.
    public init(check: Check, claim: Evidence, control: Control) {
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
