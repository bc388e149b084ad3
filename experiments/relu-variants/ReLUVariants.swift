import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim A7: leaky ReLU, PReLU, ELU and maxout do not die; ELU is closer to zero mean; maxout has k× the parameters.
/// Clevert et al. (2015) §4.1 in small (784-[128]×8-10, SGD 0.01, batch 64, Fashion-MNIST), plus Adam 1e-2. Control,
/// all measured: plain ReLU (zero-gradient count), leaky ReLU in place of ELU (median, loss); the structural parameter count is the real maxout's.
@main
struct ReLUVariants: ClaimExperiment {
    struct Settings: Sendable {
        var examples = 20_000, probeExamples = 2000
        var width = 128, depth = 8, batchSize = 64
        var learningRate = 0.01, steps = 2400, interval = 100, tail = 200
        var highRate = 1e-2, highRateSteps = 600
        var leakySlope = 0.1, eluAlpha = 1.0, preluInitialSlope = 0.25, pieces = 2
    }
    static let full = Settings()
    static let quick = Settings(examples: 5000, probeExamples: 1000, steps: 340, interval: 50, tail: 50, highRateSteps: 130)

    struct Metrics: SeedMetrics {
        /// All-zero-gradient units (leaky ReLU + ELU + maxout, after SGD); maxout's hidden-layer parameters ÷ ReLU's;
        /// ELU's median unit mean activation ÷ ReLU's; ELU's final training loss − ReLU's.
        var zeroGradientUnits = 0.0, maxoutParameterRatio = 0.0, eluMedianRatio = 0.0, eluLossDifference = 0.0
    }

    struct Extra: SeedMetrics {
        var reluZeroGradientUnits = 0.0, reluZeroGradientUnitsHighRate = 0.0
        var preluZeroGradientUnits = 0.0, preluZeroGradientUnitsHighRate = 0.0
        var maxoutDeadPieces = 0.0, maxoutDeadPiecesHighRate = 0.0
        var medianReLU = 0.0, medianLeaky = 0.0, medianPReLU = 0.0, medianELU = 0.0, medianMaxout = 0.0
        var lossReLU = 0.0, lossLeaky = 0.0, lossPReLU = 0.0, lossELU = 0.0, lossMaxout = 0.0
        var eluZeroGradientUnits = 0.0, eluZeroGradientUnitsHighRate = 0.0
        var parametersReLU = 0.0, parametersMaxout = 0.0, networkParameterRatio = 0.0
        /// PReLU's learned α: smallest and largest over the hidden layers, and per layer.
        var slopeMin = 0.0, slopeMax = 0.0
        var slopes: [Double] = []
        /// Per variant: the SGD run, and the all-zero-gradient units after the high-rate run (maxout: units, pieces).
        var runs: [String: VariantRun] = [:], highRate: [String: VariantRun] = [:]
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("no-zero-gradient-units", \Metrics.zeroGradientUnits, .lessThan(0.5)),
        Rule("maxout-parameters", \Metrics.maxoutParameterRatio, .between(Double(full.pieces), Double(full.pieces))),
        Rule("elu-median-activation", \Metrics.eluMedianRatio, .lessThan(0.8)),
        Rule("elu-loss", \Metrics.eluLossDifference, .lessThan(0), soft: true),
    ]

    static func variants(_ s: Settings) -> [Variant] {
        func activation(_ f: Activation<Float>.Function) -> @Sendable (Int, Int, inout SeededGenerator) -> [any Layer<Float>] {
            { inputs, units, rng in [Linear<Float>(inputs, units, initializer: .heNormal, using: &rng), Activation(f)] }
        }
        let pieces = s.pieces, slope = s.preluInitialSlope
        return [
            Variant(name: "ReLU", arm: .relu, hidden: activation(.relu)),
            Variant(name: "leaky ReLU", arm: .leakyReLU, hidden: activation(.leakyReLU(slope: s.leakySlope))),
            Variant(name: "PReLU", arm: .prelu) { inputs, units, rng in
                [Linear<Float>(inputs, units, initializer: .heNormal, using: &rng),
                 PReLU(units: units, sharing: .perLayer, initialSlope: slope)]
            },
            Variant(name: "ELU", arm: .elu, hidden: activation(.elu(alpha: s.eluAlpha))),
            Variant(name: "maxout", arm: .maxout) { inputs, units, rng in
                // LeCun N(0, 1/fan_in), not He: for k iid symmetric pieces E[max²] is not halved as for ReLU (for k = 2
                // it equals E[z²]), so He's factor 2 would double the second moment at every layer (diverges at SGD 0.01).
                [Maxout<Float>(inputs, units, pieces: pieces, initializer: .lecunNormal, using: &rng)]
            },
        ]
    }

    static func load(_ settings: Settings) throws -> LabeledDataset<Float> {
        try FashionMNIST.standardizedTraining(Float.self, limit: settings.examples)
    }

    static func measure(seed: Int, settings s: Settings, inputs data: LabeledDataset<Float>) throws
        -> Outcome<Metrics, Extra> {
        try measureConfigurations(seed: seed, settings: s, inputs: data)
    }

    /// Two training runs per variant, shardable below the seed: SGD at `learningRate` (configuration 2v) and Adam at
    /// `highRate` (2v + 1), each from the seed's same initial weights and batch order.
    static func configurationCount(_ s: Settings) -> Int { 2 * variants(s).count }

    static func measure(configuration j: Int, seed: Int, settings s: Settings,
                        inputs data: LabeledDataset<Float>) throws -> VariantRun {
        var rng = SeededGenerator(seed: UInt64(seed))
        let start = rng.split(), variant = variants(s)[j / 2], stressed = j % 2 == 1
        let probe = data.features.gatheringRows(Array(0..<s.probeExamples))
        SeedProgress.configuration(j + 1, of: configurationCount(s),
                                   "\(variant.name), " + (stressed ? "Adam η \(s.highRate)" : "SGD η \(s.learningRate)"))
        return stressed
            ? VariantRun(variant, data: data, probe: probe, optimizer: Adam<Float>(learningRate: s.highRate),
                         steps: s.highRateSteps, settings: s, seed: start, curves: false)
            : VariantRun(variant, data: data, probe: probe, optimizer: SGD<Float>(learningRate: s.learningRate),
                         steps: s.steps, settings: s, seed: start, curves: true)
    }

    static func combine(seed: Int, parts: [VariantRun], settings s: Settings,
                        inputs data: LabeledDataset<Float>) throws -> Outcome<Metrics, Extra> {
        var runs: [String: VariantRun] = [:], stressed: [String: VariantRun] = [:]
        for (v, variant) in variants(s).enumerated() {
            (runs[variant.name], stressed[variant.name]) = (parts[2 * v], parts[2 * v + 1])
        }
        let nonDying = ["leaky ReLU", "ELU", "maxout"]
        let relu = runs["ReLU"]!, elu = runs["ELU"]!, maxout = runs["maxout"]!
        // The control: the mechanisms removed (see the type's comment), each measured on its own net. The parameter
        // count is structural: a maxout with fewer pieces would fail it by algebra and decide the control's rejection,
        // so the control keeps the real maxout there and only measured rules can reject it.
        let leaky = runs["leaky ReLU"]!
        let control = Metrics(zeroGradientUnits: relu.zeroGradientUnits,
                              maxoutParameterRatio: maxout.hiddenParameterCount / relu.hiddenParameterCount,
                              eluMedianRatio: leaky.medianActivations.last! / relu.medianActivations.last!,
                              eluLossDifference: leaky.finalLoss - relu.finalLoss)
        let claim = Metrics(zeroGradientUnits: nonDying.reduce(0) { $0 + runs[$1]!.zeroGradientUnits },
                            maxoutParameterRatio: maxout.hiddenParameterCount / relu.hiddenParameterCount,
                            eluMedianRatio: elu.medianActivations.last! / relu.medianActivations.last!,
                            eluLossDifference: elu.finalLoss - relu.finalLoss)
        let slopes = runs["PReLU"]!.slopes, prelu = runs["PReLU"]!
        let extra = Extra(reluZeroGradientUnits: relu.zeroGradientUnits, reluZeroGradientUnitsHighRate: stressed["ReLU"]!.zeroGradientUnits,
            preluZeroGradientUnits: prelu.zeroGradientUnits, preluZeroGradientUnitsHighRate: stressed["PReLU"]!.zeroGradientUnits,
            maxoutDeadPieces: maxout.deadPieces, maxoutDeadPiecesHighRate: stressed["maxout"]!.deadPieces,
            medianReLU: relu.medianActivations.last!, medianLeaky: leaky.medianActivations.last!, medianPReLU: prelu.medianActivations.last!,
            medianELU: elu.medianActivations.last!, medianMaxout: maxout.medianActivations.last!, lossReLU: relu.finalLoss,
            lossLeaky: leaky.finalLoss, lossPReLU: prelu.finalLoss, lossELU: elu.finalLoss, lossMaxout: maxout.finalLoss,
            eluZeroGradientUnits: elu.zeroGradientUnits, eluZeroGradientUnitsHighRate: stressed["ELU"]!.zeroGradientUnits,
            parametersReLU: relu.parameterCount, parametersMaxout: maxout.parameterCount,
            networkParameterRatio: maxout.parameterCount / relu.parameterCount, slopeMin: slopes.min()!, slopeMax: slopes.max()!,
            slopes: slopes, runs: runs, highRate: stressed)
        return Outcome(claim: claim, control: control, extra: extra)
    }

    struct Facts: ClaimFacts {
        /// Outcomes for the captions (means over seeds): ELU's final median activation is the nearest to 0 of the five;
        /// maxout's final loss is the lowest; leaky ReLU, PReLU and ELU have no all-zero-gradient unit on any seed in
        /// either run; maxout has pieces that never win (in either run).
        /// Leaky ReLU's (the control's) final loss is below ReLU's on every seed.
        var leakyLossBelowReLU = false
        var eluMedianNearestZero = false, maxoutLowestLoss = false, othersNoZeroGradient = false, deadMaxoutPieces = false
        /// Hidden units of a net (depth × width), and the SGD run's length in epochs.
        var hiddenUnits = 0, epochs = ""
        /// PReLU's learned α per hidden layer, mean over seeds, as "layer 1: 0.25, …".
        var slopesPerLayer = ""
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let s = run.settings
        let slopes = run.extra(\.slopes)
        let perLayer = (0..<s.depth).map { l in slopes.map { $0[l] }.reduce(0, +) / Double(slopes.count) }
        func mean(_ k: KeyPath<Extra, Double>) -> Double { run.extra(k).reduce(0, +) / Double(run.seeds.count) }
        let medians = [\Extra.medianReLU, \.medianLeaky, \.medianPReLU, \.medianMaxout].map { abs(mean($0)) }
        let zero = run.outcomes.flatMap { o in ["leaky ReLU", "PReLU", "ELU"].flatMap { [o.extra.runs[$0]!, o.extra.highRate[$0]!] } }
        return Facts(leakyLossBelowReLU: run.control(\.eluLossDifference).allSatisfy { $0 < 0 },
                     eluMedianNearestZero: medians.allSatisfy { abs(mean(\.medianELU)) < $0 },
                     maxoutLowestLoss: [\Extra.lossReLU, \.lossLeaky, \.lossPReLU, \.lossELU].allSatisfy { mean(\.lossMaxout) < mean($0) },
                     othersNoZeroGradient: zero.allSatisfy { $0.zeroGradientUnits == 0 },
                     deadMaxoutPieces: (run.extra(\.maxoutDeadPieces) + run.extra(\.maxoutDeadPiecesHighRate)).contains { $0 > 0 },
                     hiddenUnits: s.depth * s.width,
                     epochs: Numbers.text(Double(s.steps * s.batchSize) / Double(s.examples), significant: 2),
                     slopesPerLayer: perLayer.enumerated().map { "\($0.offset + 1): \(Numbers.text($0.element))" }
                        .joined(separator: ", "))
    }
}
