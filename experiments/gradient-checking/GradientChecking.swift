import ClaimKit
import Foundation
import NeuralEngine

/// Claim O4 of CLAIMS.md: centred differences in Float64 against every backward pass of the engine and four
/// deliberately wrong derivatives; the procedure passes when every correct layer scores < 1e-5 (1e-4 with kinks) and
/// every bug > 1e-2. Negative control: the same procedure run in Float32 (report.md says why it could have passed).
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
        /// The smallest score of the four deliberate bugs.
        var weakestBug = 0.0
    }

    struct Extra: SeedMetrics {
        /// The four deliberate bugs' scores (Float64).
        var sigmoidAsSigma = 0.0, sigmoidTimes09 = 0.0, tanhOneMinusA = 0.0, batchNormNoMean = 0.0
        /// Raw relative error (no entry counted exact): worst over the engine's layer types other than the network,
        /// and the network's (dominated by the bias before BatchNorm, whose true gradient is 0).
        var rawWorstLayer = 0.0, rawNetwork = 0.0
        /// tanh's check at h = 1e-5 in Float64 and Float32, and each precision's best over the sweep.
        var float64AtStep = 0.0, float32AtStep = 0.0, float64Best = 0.0, float32Best = 0.0
        /// Per layer type (engine's and bugs'), the worst relative error: scored in Float64, raw in Float64 (what the
        /// figure's bars plot), and scored in Float32 (the control arm).
        var errors: [String: Double] = [:], rawErrors: [String: Double] = [:], errors32: [String: Double] = [:]
        /// The sweep: tanh's relative error at each step h, per precision.
        var sweep64: [Double] = [], sweep32: [Double] = []
    }

    struct Facts: ClaimFacts {
        /// The bug that came closest to passing in Float64, by its mean score.
        var weakestBugName = ""
        /// The engine layer type (network excluded) with the largest raw Float64 error over the seeds.
        var rawWorstLayerName = ""
        /// The layer types whose raw Float64 error exceeds the lecture's 1e-7 on some seed, with their worst value.
        var rawAboveGood = ""
        /// In Float32, on every seed, a correct layer scored ≥ the weakest bug: no threshold tells them apart.
        var float32Overlaps = false
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let wrongBand = 1e-2, goodBand = 1e-7
    static let rules = [
        Rule("smooth-layers", \Metrics.smoothError, .lessThan(1e-5)),
        Rule("kinked-layers", \Metrics.kinkedError, .lessThan(1e-4)),
        Rule("every-bug", \Metrics.weakestBug, .greaterThan(wrongBand)),
    ]

    /// The rules' metrics from per-layer errors (engine layer types and bugs).
    static func metrics(_ errors: [String: Double]) -> Metrics {
        Metrics(smoothError: LayerCase.engine.filter { !$0.kinked }.map { errors[$0.name]! }.max()!,
                kinkedError: LayerCase.engine.filter(\.kinked).map { errors[$0.name]! }.max()!,
                weakestBug: LayerCase.bugs.map { errors[$0.name]! }.min()!)
    }

    /// The whole check procedure in precision `Scalar`: every engine layer type on its own draw, every bug on the
    /// draw of the layer it replaces; per layer type, the worst relative error.
    static func procedure<Scalar: EngineScalar>(_: Scalar.Type, _ s: Settings, exactBelow: Double,
                                                draws: [String: SeededGenerator]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (LayerCase.engine + LayerCase.bugs).map { layer in
            var draw = draws[layer.replaces ?? layer.name]!
            return (layer.name, layer.check(Scalar.self, s, exactBelow: exactBelow, using: &draw))
        })
    }

    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var draws: [String: SeededGenerator] = [:]
        for layer in LayerCase.engine { draws[layer.name] = rng.split() }
        // CLAIMS.md's scoring (|a − n| < 1e-9 counts as exact) in Float64 and, as the control, in Float32; and the
        // Float64 check raw, for the figure — all on the same draws.
        let errors = procedure(Double.self, settings, exactBelow: 1e-9, draws: draws)
        let errors32 = procedure(Float.self, settings, exactBelow: 1e-9, draws: draws)
        let raw = procedure(Double.self, settings, exactBelow: 0, draws: draws)
        var sweepDraw = rng.split()
        let (sweep64, sweep32) = LayerCase.precisionSweep(settings, using: &sweepDraw)
        let atStep = settings.sweep.firstIndex { abs($0 - settings.step) < 1e-12 * settings.step }!
        let bug = LayerCase.bugs.map { errors[$0.name]! }
        let extra = Extra(
            sigmoidAsSigma: bug[0], sigmoidTimes09: bug[1], tanhOneMinusA: bug[2], batchNormNoMean: bug[3],
            rawWorstLayer: LayerCase.engine.filter { $0.name != "network" }.map { raw[$0.name]! }.max()!,
            rawNetwork: raw["network"]!, float64AtStep: sweep64[atStep], float32AtStep: sweep32[atStep],
            float64Best: sweep64.min()!, float32Best: sweep32.min()!,
            errors: errors, rawErrors: raw, errors32: errors32, sweep64: sweep64, sweep32: sweep32)
        return Outcome(claim: metrics(errors), control: metrics(errors32), extra: extra)
    }

    static func facts(_ run: Run<Self>) -> Facts {
        func worst(_ name: String) -> Double { run.extra(\.rawErrors).map { $0[name]! }.max()! }
        let means = LayerCase.bugs.map { bug in run.extra(\.errors).map { $0[bug.name]! }.reduce(0, +) }
        let layers = LayerCase.engine.map(\.name).filter { $0 != "network" }
        let above = layers.filter { worst($0) > goodBand }.map { "\($0) (\(Numbers.text(worst($0))))" }
        return Facts(weakestBugName: LayerCase.bugs[means.indices.min { means[$0] < means[$1] }!].name,
                     rawWorstLayerName: layers.max { worst($0) < worst($1) }!,
                     rawAboveGood: above.isEmpty ? "none" : above.joined(separator: ", "),
                     float32Overlaps: run.control(\.smoothError).indices.allSatisfy { i in
                         max(run.control(\.smoothError)[i], run.control(\.kinkedError)[i]) >= run.control(\.weakestBug)[i]
                     })
    }
}
