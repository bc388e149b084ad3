import ClaimKit
import Foundation
import NeuralEngine

/// Claim O4 of CLAIMS.md: centred differences in Float64 against every backward pass of the engine; relative error
/// < 1e-7 is good, > 1e-2 is wrong. Negative controls: four deliberately wrong derivatives, each planted in its
/// layer's slot (report.md says why they could have passed).
@main
struct GradientChecking: ClaimExperiment {
    struct Settings: Sendable {
        /// Examples N, input features D and outputs M of every checked layer.
        var batch = 16, features = 8, outputs = 4
        /// Pieces per maxout unit, hidden width of the checked network.
        var pieces = 3, hidden = 6
        /// CS231n's step h for the checks.
        var step = 1e-5
        /// Steps h = 10^(−k/2), k = 2…20, of the Float32-versus-Float64 sweep.
        var sweep: [Double] = (2...20).map { Foundation.pow(10, -Double($0) / 2) }
    }
    static let full = Settings()
    static let quick = Settings()
    static let quickSeedCount = 2

    struct Metrics: SeedMetrics {
        /// Worst relative error over the smooth layer types.
        var smoothError = 0.0
        /// Worst relative error over the layer types with kinks (ReLU, leaky ReLU, PReLU, maxout).
        var kinkedError = 0.0
    }

    struct Extra: SeedMetrics {
        /// The four deliberate bugs' scores.
        var sigmoidAsSigma = 0.0, sigmoidTimes09 = 0.0, tanhOneMinusA = 0.0, batchNormNoMean = 0.0
        /// The smallest of the four.
        var weakestBug = 0.0
        /// Raw relative error (no entry counted exact): worst over the engine's layer types other than the network,
        /// and the network's (dominated by the bias before BatchNorm, whose true gradient is 0).
        var rawWorstLayer = 0.0, rawNetwork = 0.0
        /// tanh's check at h = 1e-5 in Float64 and Float32, and each precision's best over the sweep.
        var float64AtStep = 0.0, float32AtStep = 0.0, float64Best = 0.0, float32Best = 0.0
        /// Per layer type (engine's and bugs'), the worst relative error.
        var errors: [String: Double] = [:]
        /// The same without counting entries that differ by < 1e-9 as exact (what the figure plots).
        var rawErrors: [String: Double] = [:]
        /// The sweep: tanh's relative error at each step h, per precision.
        var sweep64: [Double] = [], sweep32: [Double] = []
    }

    struct Facts: ClaimFacts {
        /// Every bug scored > 1e-2 on every seed (CLAIMS.md: "every bug > 1e-2").
        var everyBugWrong = false
        /// The bug that came closest to passing (the control arm's), by its mean score.
        var weakestBugName = ""
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let wrongBand = 1e-2
    static let rules = [
        Rule("smooth-layers", \Metrics.smoothError, .lessThan(1e-5)),
        Rule("kinked-layers", \Metrics.kinkedError, .lessThan(1e-4)),
    ]

    /// The rules' metrics of a set of checked layers: (layer type, has a kink, worst relative error).
    static func metrics(_ checked: [(name: String, kinked: Bool, error: Double)]) -> Metrics {
        Metrics(smoothError: checked.filter { !$0.kinked }.map(\.error).max() ?? 0,
                kinkedError: checked.filter(\.kinked).map(\.error).max() ?? 0)
    }

    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        // One draw per layer type; a bug is checked on the same draw as the layer it replaces.
        // Each check runs twice on the same draw: as CLAIMS.md scores it (|a − n| < 1e-9 exact) and raw.
        var draws: [String: SeededGenerator] = [:], raw: [String: Double] = [:]
        func run(_ name: String, _ check: (Settings, Double, inout SeededGenerator) -> Double,
                 on draw: SeededGenerator) -> Double {
            var (first, second) = (draw, draw)
            raw[name] = check(settings, 0, &second)
            return check(settings, 1e-9, &first)
        }
        let engine = LayerCase.engine.map { layer -> (name: String, kinked: Bool, error: Double) in
            draws[layer.name] = rng.split()
            return (layer.name, layer.kinked, run(layer.name, layer.check, on: draws[layer.name]!))
        }
        let bugs = LayerCase.bugs.map { bug -> (name: String, replaces: String, error: Double) in
            (bug.name, bug.replaces, run(bug.name, bug.check, on: draws[bug.replaces]!))
        }
        // The control arm: the engine's set with one bug planted in its slot — the bug that comes closest to passing.
        let planted = bugs.map { bug in
            metrics(engine.map { $0.name == bug.replaces ? ($0.name, $0.kinked, bug.error) : $0 })
        }
        let control = planted.min { $0.smoothError < $1.smoothError }!
        var sweepDraw = rng.split()
        let (sweep64, sweep32) = LayerCase.precisionSweep(settings, using: &sweepDraw)
        let atStep = settings.sweep.firstIndex { abs($0 - settings.step) < 1e-12 * settings.step }!
        let score = Dictionary(uniqueKeysWithValues: bugs.map { ($0.name, $0.error) })
        let extra = Extra(
            sigmoidAsSigma: score[LayerCase.bugs[0].name]!, sigmoidTimes09: score[LayerCase.bugs[1].name]!,
            tanhOneMinusA: score[LayerCase.bugs[2].name]!, batchNormNoMean: score[LayerCase.bugs[3].name]!,
            weakestBug: bugs.map(\.error).min()!,
            rawWorstLayer: engine.filter { $0.name != "network" }.map { raw[$0.name]! }.max()!,
            rawNetwork: raw["network"]!, float64AtStep: sweep64[atStep], float32AtStep: sweep32[atStep],
            float64Best: sweep64.min()!, float32Best: sweep32.min()!,
            errors: Dictionary(uniqueKeysWithValues: engine.map { ($0.name, $0.error) } + bugs.map { ($0.name, $0.error) }),
            rawErrors: raw, sweep64: sweep64, sweep32: sweep32)
        return Outcome(claim: metrics(engine), control: control, extra: extra)
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let means = LayerCase.bugs.map { bug in run.extra(\.errors).map { $0[bug.name]! }.reduce(0, +) }
        return Facts(everyBugWrong: run.extra(\.weakestBug).allSatisfy { $0 > wrongBand },
                     weakestBugName: LayerCase.bugs[means.indices.min { means[$0] < means[$1] }!].name)
    }
}
