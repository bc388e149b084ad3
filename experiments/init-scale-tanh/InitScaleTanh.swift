import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claims W2–W4 of CLAIMS.md: "Deep tanh net, 10 layers × 500: std 0.01 → activations collapse to 0; std 1 → saturate
/// at ±1; Xavier keeps them healthy."
///
/// Part 1 is the lecture's own code: X = randn(1000, 500) through 10 layers h = tanh(h·W) of 500 units, no bias, with
/// W = 0.01·randn, 1.0·randn and randn/√fan_in (the same randn draws), probing each layer. Part 2 trains a
/// 784-[256]×6-10 tanh net from each hidden-layer initialisation with SGD for 300 steps on Fashion-MNIST. Negative
/// control: the same nets, weights and inputs with a layer norm before every tanh — the weight scale taken out of the
/// pre-activations, so if collapse, saturation or the stalled training came from anything but the scale, it would pass.
@main
struct InitScaleTanh: ClaimExperiment {
    struct Settings: Sendable {
        /// The lecture's net: `inputRows` random inputs through `depth` tanh layers of `width`.
        var inputRows = 1000, width = 500, depth = 10
        /// The trained net and its SGD.
        var trainingWidth = 256, trainingDepth = 6, trainingExamples = 10_000, probeExamples = 2_000
        var steps = 300, batchSize = 64, learningRate = 0.1, recordInterval = 10
    }
    static let full = Settings()
    static let quick = Settings(inputRows: 200, trainingExamples: 3_000, probeExamples: 1_000, steps: 150)

    struct Metrics: SeedMetrics {
        /// Layer-10 std at std 0.01 over its collapse law (0.01·√fan_in)^depth.
        var smallCollapse = 0.0
        /// The least saturated layer's fraction with |h| > 0.97 at std 1.
        var largeSaturation = 0.0
        /// Layer-10 activation std at Xavier.
        var healthyStd = 0.0
        /// Probe loss after the SGD steps, std 0.01 and Xavier.
        var smallLoss = 0.0
        var healthyLoss = 0.0
    }

    struct Extra: SeedMetrics {
        var std1Small = 0.0, std1Large = 0.0, std1Xavier = 0.0, std10Small = 0.0, std10Large = 0.0
        var saturationXavier = 0.0, largeLoss = 0.0
        var lectureGradientRatio = 0.0, lectureGradientSpreadSmall = 0.0
        var backwardGainSmall = 0.0, backwardGainLarge = 0.0, backwardGainXavier = 0.0
        var trainingGradientRatio = 0.0, trainingGradientSpreadSmall = 0.0, trainingBackwardGainLarge = 0.0
        /// Curves: per init, the lecture net's per-layer std and histograms (percent per bin), the training losses;
        /// the control's (std 0.01 with layer norm) std per layer and losses.
        var stds: [InitScale: [Double]] = [:], histograms: [InitScale: [[Double]]] = [:]
        var losses: [InitScale: [Double]] = [:], lossSteps: [Int] = []
        var controlStds: [Double] = [], controlLosses: [Double] = []
    }

    struct Facts: ClaimFacts { var bins = 0 }
    static func facts(_ run: Run<Self>) -> Facts { Facts(bins: DeepTanhProbe.histogramBins) }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("small-collapse", \Metrics.smallCollapse, .between(0.8, 1.2)),
        Rule("large-saturation", \Metrics.largeSaturation, .greaterThan(0.8)),
        Rule("healthy-std", \Metrics.healthyStd, .between(0.15, 0.35)),
        Rule("small-loss", \Metrics.smallLoss, .greaterThan(2.25)),
        Rule("healthy-loss", \Metrics.healthyLoss, .lessThan(0.8)),
    ]

    /// The first `trainingExamples + probeExamples` Fashion-MNIST training images: the first part to train on, the
    /// rest as a fixed probe set; both standardised by one scalar mean and std of the training part.
    static func load(_ s: Settings) throws -> (training: LabeledDataset<Float>, probe: LabeledDataset<Float>) {
        let raw = try FashionMNIST.load(Float.self, part: .training, limit: s.trainingExamples + s.probeExamples)
        let training = raw.prefix(s.trainingExamples)
        let standardization = ScalarStandardization.fit(training.features)
        return (training.mappingFeatures { standardization.apply($0) },
                raw.subset(Array(s.trainingExamples..<raw.count)).mappingFeatures { standardization.apply($0) })
    }

    /// One seed. The initialisations share their random numbers: the same standard-normal draws scaled by 0.01, 1 or
    /// 1/√fan_in, and the same mini-batch order — exactly the lecture's W = scale·randn, so only the scale differs;
    /// the control reuses them too.
    static func measure(seed: Int, settings s: Settings, inputs data: (training: LabeledDataset<Float>, probe: LabeledDataset<Float>))
        throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var inputStream = rng.split()
        let input = Tensor<Float>.normal(rows: s.inputRows, columns: s.width, using: &inputStream)
        let upstream = Tensor<Float>.normal(rows: s.inputRows, columns: s.width, using: &inputStream)
        let probeSeed = rng.next(), trainingSeed = rng.next()
        func probe(_ scale: InitScale, normalized: Bool) -> DeepTanhProbe {
            var weights = SeededGenerator(seed: probeSeed)
            return DeepTanhProbe(initializer: scale.initializer, input: input, depth: s.depth, upstream: upstream,
                                 normalized: normalized, using: &weights)
        }
        func train(_ scale: InitScale, normalized: Bool) -> TrainingRun {
            SeedProgress.configuration(of: InitScale.allCases.count + 2, scale.rawValue + (normalized ? ", normalized" : ""))
            var stream = SeededGenerator(seed: trainingSeed)
            return TrainingRun(initializer: scale.initializer, normalized: normalized, depth: s.trainingDepth,
                               width: s.trainingWidth, training: data.training, probe: data.probe, steps: s.steps,
                               batchSize: s.batchSize, learningRate: s.learningRate, recordInterval: s.recordInterval,
                               using: &stream)
        }
        func metrics(normalized: Bool) -> (Metrics, [InitScale: DeepTanhProbe], [InitScale: TrainingRun]) {
            let probes = Dictionary(uniqueKeysWithValues: InitScale.allCases.map { ($0, probe($0, normalized: normalized)) })
            let runs = Dictionary(uniqueKeysWithValues: (normalized ? [.small, .xavier] : InitScale.allCases)
                .map { ($0, train($0, normalized: normalized)) })
            let collapseLaw = Foundation.pow(0.01 * Double(s.width).squareRoot(), Double(s.depth))
            return (Metrics(smallCollapse: probes[.small]!.standardDeviation(layer: s.depth) / collapseLaw,
                            largeSaturation: probes[.large]!.minimumSaturation,
                            healthyStd: probes[.xavier]!.standardDeviation(layer: s.depth),
                            smallLoss: runs[.small]!.finalProbeLoss, healthyLoss: runs[.xavier]!.finalProbeLoss),
                    probes, runs)
        }
        let (claim, p, r) = metrics(normalized: false)
        let (control, controlProbes, controlRuns) = metrics(normalized: true)
        /// Geometric mean over layers of a[l] / b[l].
        func ratio(_ a: [Double], _ b: [Double]) -> Double {
            Foundation.exp(zip(a, b).reduce(0.0) { $0 + Foundation.log($1.0 / $1.1) } / Double(a.count))
        }
        let hidden = s.trainingDepth
        let extra = Extra(
            std1Small: p[.small]!.standardDeviation(layer: 1), std1Large: p[.large]!.standardDeviation(layer: 1),
            std1Xavier: p[.xavier]!.standardDeviation(layer: 1), std10Small: p[.small]!.standardDeviation(layer: s.depth),
            std10Large: p[.large]!.standardDeviation(layer: s.depth),
            saturationXavier: p[.xavier]!.layers.map(\.saturatedFraction).max()!, largeLoss: r[.large]!.finalProbeLoss,
            lectureGradientRatio: ratio(p[.xavier]!.weightGradientNorms, p[.small]!.weightGradientNorms),
            lectureGradientSpreadSmall: p[.small]!.weightGradientSpread,
            backwardGainSmall: p[.small]!.backwardGainPerLayer, backwardGainLarge: p[.large]!.backwardGainPerLayer,
            backwardGainXavier: p[.xavier]!.backwardGainPerLayer,
            trainingGradientRatio: ratio(Array(r[.xavier]!.initialWeightGradientNorms.prefix(hidden)),
                                         Array(r[.small]!.initialWeightGradientNorms.prefix(hidden))),
            trainingGradientSpreadSmall: r[.small]!.hiddenWeightGradientSpread,
            trainingBackwardGainLarge: r[.large]!.backwardGainPerLayer,
            stds: p.mapValues { $0.layers.map(\.standardDeviation) },
            histograms: p.mapValues { $0.layers.map { layer in
                let total = Double(layer.histogram.counts.reduce(0, +))
                return layer.histogram.counts.map { 100 * Double($0) / total }
            } },
            losses: r.mapValues(\.losses), lossSteps: r[.xavier]!.steps,
            controlStds: controlProbes[.small]!.layers.map(\.standardDeviation), controlLosses: controlRuns[.small]!.losses)
        return Outcome(claim: claim, control: control, extra: extra)
    }
}
