import ArgumentParser
import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

/// Claim W4 of CLAIMS.md: one note gives "Xavier normal std = √(3/(in+out))". Glorot & Bengio's normal has std
/// √(2/(in+out)) and their uniform ±√(6/(in+out)); √(3/n) is the *uniform* limit for variance 1/n.
///
/// The experiment pushes X = randn(N, 256) through 20 square layers (fan_in = fan_out = n) drawn by each formula — as a
/// linear net and as a tanh net with the same weights — and measures how the activation variance (forward) and the
/// gradient (backward) change per layer. Xavier's whole point is a gain of 1 both ways; the note's std gives 1.5. The
/// claim as the note states it is expected `not reproduced`; Glorot's normal formula is the positive control that the
/// same rules must accept.
@main
struct XavierNormalFormula: ClaimCommand {
    static let configuration = CommandConfiguration(
        commandName: "xavier-normal-formula",
        abstract: "Test the notes' 'Xavier normal std = √(3/(in+out))' against Glorot's √(2/(in+out)) and write the report.")

    @OptionGroup var options: ExperimentOptions

    /// The check (thresholds explained in `reason`).
    static let check = LegacyCheck(
        rules: [LegacyRule("forward-gain", .between(0.95, 1.05)), LegacyRule("backward-gain", .between(0.95, 1.05))],
        reason: "Glorot & Bengio derive their initialisation from two conditions on a deep net in its linear regime: "
            + "n_in·Var W = 1 keeps the activation variance from layer to layer, n_out·Var W = 1 keeps the gradient "
            + "variance (their eqs. 10–11); Var W = 2/(n_in + n_out) is the compromise (eq. 12), and with "
            + "n_in = n_out = n it meets both exactly. So an initialisation deserves the name when the per-layer gain "
            + "of the activation variance and of the squared gradient norm is 1 in a deep linear net. The rules "
            + "allow 5% per layer either way. Over the 20 layers that still compounds to less than a factor 3 — "
            + "preserved to within an order of magnitude — while finite width moves a per-layer gain of a product of "
            + "random n×n matrices only by O(1/n), under one per cent at n = 256, far inside the band. A formula with "
            + "Var W = 3/(in+out) = 1.5/n has gain 1.5 both ways, far outside; Glorot's own normal formula is the "
            + "positive control that the same rules must accept on every seed.")

    /// The run's sizes (the defaults are the full experiment; tests shrink them).
    struct Settings {
        var inputRows = 1000
        var width = 256
        var depth = 20
    }

    func run() throws {
        let experiment = LegacyExperimentRun(Catalogue.xavierNormalFormula, options: options, quickSeedCount: 1)
        let settings = options.quick ? Settings(inputRows: 200) : Settings()
        let results = experiment.seeds.map { Self.measure(seed: $0, settings: settings) }
        let (evidence, control) = Self.evidence(results, seeds: experiment.seeds)
        let report = Self.report(results, evidence: evidence, settings: settings, seeds: experiment.seeds)
        try experiment.write(report, check: Self.check, evidence: evidence, control: control)
    }

    /// One seed's measurements, per formula.
    typealias SeedResult = [Formula: Propagation]

    /// One seed: an input X ~ N(0, 1) and a read-out G ~ N(0, 1), shared by the formulas, and each formula's weights
    /// from the same sub-stream (so the two normal formulas scale the same standard-normal draws).
    static func measure(seed: Int, settings: Settings) -> SeedResult {
        var rng = SeededGenerator(seed: UInt64(seed))
        var data = rng.split()
        let input = Tensor<Float>.normal(rows: settings.inputRows, columns: settings.width, using: &data)
        let upstream = Tensor<Float>.normal(rows: settings.inputRows, columns: settings.width, using: &data)
        let weightSeed = rng.next()
        var result: SeedResult = [:]
        for formula in Formula.allCases {
            var weights = SeededGenerator(seed: weightSeed)
            result[formula] = Propagation(formula: formula, input: input, upstream: upstream, depth: settings.depth,
                                          using: &weights)
        }
        return result
    }

    /// The metrics of `formula` under the rule names (the claim: the note's formula; the control: Glorot's normal).
    static func ruleMetrics(_ e: inout LegacyEvidence, _ results: [SeedResult], _ formula: Formula) {
        let name = formula == .note ? "the note's N(0, 3/(in+out))" : "Glorot's N(0, 2/(in+out))"
        e.add("forward-gain", label: "activation-variance gain per layer, linear net, \(name)",
              values: results.map { $0[formula]!.forwardGain })
        e.add("backward-gain", label: "gradient-variance gain per layer, linear net, \(name)",
              values: results.map { $0[formula]!.backwardGain })
    }

    static func evidence(_ results: [SeedResult], seeds: [Int]) -> (LegacyEvidence, LegacyControl) {
        var claim = LegacyEvidence(seeds: seeds)
        ruleMetrics(&claim, results, .note)
        claim.add("forward-gain-uniform", label: "activation-variance gain per layer, linear net, Glorot uniform",
                  values: results.map { $0[.glorotUniform]!.forwardGain })
        for formula in Formula.allCases {
            claim.add("weight-variance-\(formula.key)", label: "Var W × (in + out), \(formula.rawValue)",
                      values: results.map { $0[formula]!.weightVarianceTimesFans })
        }
        for formula in Formula.allCases {
            claim.add("linear-variance-last-\(formula.key)", label: "layer-20 activation variance, linear net, \(formula.rawValue)",
                      values: results.map { $0[formula]!.linearVariances.last! })
        }
        for formula in Formula.allCases {
            claim.add("tanh-variance-last-\(formula.key)", label: "layer-20 activation variance, tanh net, \(formula.rawValue)",
                      values: results.map { $0[formula]!.tanhVariances.last! })
        }
        for formula in [Formula.note, .glorotNormal] {
            claim.add("tanh-saturation-\(formula.key)", label: "layer-20 fraction with |h| > 0.97, tanh net, \(formula.rawValue)",
                      values: results.map { $0[formula]!.tanhSaturation })
        }
        for formula in [Formula.note, .glorotNormal] {
            claim.add("tanh-backward-gain-\(formula.key)",
                      label: "gradient-variance gain per layer, tanh net, \(formula.rawValue)",
                      values: results.map { $0[formula]!.tanhBackwardGain })
        }

        var control = LegacyEvidence(seeds: seeds)
        ruleMetrics(&control, results, .glorotNormal)
        return (claim, LegacyControl("Glorot & Bengio's own normal formula, std √(2/(in+out))", mustBe: .accepted,
                               evidence: control))
    }
}
