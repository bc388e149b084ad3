import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claims B1/B2 of CLAIMS.md: "BN keeps each layer's inputs in the Gaussian range we want, so training is faster and
/// stable" — Ioffe & Szegedy (2015) §4.1, Fig. 1, on Fashion-MNIST instead of MNIST.
///
/// Per seed three 784-[100]×3-10 sigmoid nets with weights N(0, 0.1²) are trained by SGD (η = 0.5, batch 60) from
/// the same initial weights and batch order: with BN before every sigmoid (the claim), without (the baseline both
/// arms are compared with), and with BN's statistics frozen at initialisation (the negative control: normalised
/// inputs at the start, but no re-normalisation as the layers below change).
@main
struct BatchNormStability: ClaimExperiment {
    struct Settings: Sendable {
        var steps = 3000
        var probeInterval = 50
        var trainingExamples = 60_000
        var testExamples = 5000
        var probeExamples = 1000
        var batchSize = 60
        var learningRate = 0.5
        var initialStandardDeviation = 0.1
        /// CLAIMS.md's probe step; the amended rule averages the probes at steps `probeInterval`…`comparisonStep`.
        var comparisonStep = 500
        /// Probes every `probeInterval` steps up to `denseProbesUntil`, then every `sparseProbeInterval`.
        var denseProbesUntil = 1000
        var sparseProbeInterval = 200

        func probes(at step: Int) -> Bool {
            step <= denseProbesUntil ? step % probeInterval == 0 : step % sparseProbeInterval == 0
        }
    }
    static let full = Settings()
    static let quick = Settings(steps: 500, trainingExamples: 30_000, testExamples: 2000, probeExamples: 500)

    struct Metrics: SeedMetrics {
        /// Test accuracy at step 500, this arm minus the baseline (one probe).
        var accuracyGainAt500 = 0.0
        /// Mean test accuracy over the probes at steps 50, 100, …, 500, this arm minus the baseline.
        var meanAccuracyGain = 0.0
        /// Mean |median drift| of the last hidden layer's sigmoid inputs, this arm ÷ the baseline.
        var driftRatio = 0.0
    }

    struct Extra: SeedMetrics {
        var accuracyBN500 = 0.0, accuracyBaseline500 = 0.0, earlyBN = 0.0, earlyBaseline = 0.0
        var accuracyBNFinal = 0.0, accuracyBaselineFinal = 0.0, accuracyFrozenFinal = 0.0
        var driftBN = 0.0, driftBaseline = 0.0, driftFrozen = 0.0, signedDriftBN = 0.0, signedDriftBaseline = 0.0
        var driftBesideShift = 0.0
        /// Curves per arm (Normalization raw value): test accuracy and mean |median drift| at each probe.
        var steps: [Int] = []
        var accuracy: [String: [Double]] = [:], drift: [String: [Double]] = [:]
        /// The typical unit (numbered 1–100) and its percentiles over training, per arm (chosen on the baseline).
        var typicalUnit = 0
        var unit: [String: [StabilityRun.Percentiles]] = [:]
    }

    struct Facts: ClaimFacts {
        /// The frozen-statistics control passes the accuracy rule in force on every seed / fails the drift rule on
        /// every seed.
        var frozenPassesAccuracyRule = false, frozenFailsDriftRule = false
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let control = run.judgement.inForce.control
        let accuracy = control.first { $0.id == "accuracy-gain" }!, drift = control.first { $0.id == "median-drift" }!
        return Facts(frozenPassesAccuracyRule: accuracy.holds.allSatisfy { $0 },
                     frozenFailsDriftRule: drift.holds.allSatisfy { !$0 })
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("accuracy-gain", \Metrics.accuracyGainAt500, .greaterThan(0.05))
            .amended(to: \Metrics.meanAccuracyGain, .greaterThan(0.05)),
        Rule("median-drift", \Metrics.driftRatio, .lessThan(1), soft: true),
    ]

    struct Inputs: Sendable {
        let training: LabeledDataset<Float>
        let test: LabeledDataset<Float>
        /// The first `probeExamples` training images: where the sigmoid inputs are measured.
        let probe: Tensor<Float>
    }

    static func load(_ s: Settings) throws -> Inputs {
        let data = try FashionMNIST.standardized(Float.self, trainingLimit: s.trainingExamples, testLimit: s.testExamples)
        return Inputs(training: data.training, test: data.test!,
                      probe: data.training.features.gatheringRows(Array(0..<s.probeExamples)))
    }

    /// The three nets share their initial weights and batch order (a paired comparison).
    static func measure(seed: Int, settings s: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        let paired = SeededGenerator(seed: UInt64(seed))
        var runs: [Normalization: StabilityRun] = [:]
        for normalization in Normalization.allCases {
            SeedProgress.configuration(of: Normalization.allCases.count, "\(normalization)")
            var stream = paired
            runs[normalization] = StabilityRun(normalization, data: inputs, settings: s, using: &stream)
        }
        let baseline = runs[.none]!, bn = runs[.batch]!, frozen = runs[.frozen]!
        let step = s.comparisonStep, first = s.probeInterval
        func metrics(_ run: StabilityRun) -> Metrics {
            Metrics(accuracyGainAt500: run.accuracy(atStep: step) - baseline.accuracy(atStep: step),
                    meanAccuracyGain: run.meanAccuracy(from: first, through: step)
                        - baseline.meanAccuracy(from: first, through: step),
                    driftRatio: run.meanAbsoluteDrift / baseline.meanAbsoluteDrift)
        }
        let unit = baseline.typicalUnit
        let extra = Extra(
            accuracyBN500: bn.accuracy(atStep: step), accuracyBaseline500: baseline.accuracy(atStep: step),
            earlyBN: bn.meanAccuracy(from: first, through: step), earlyBaseline: baseline.meanAccuracy(from: first, through: step),
            accuracyBNFinal: bn.testAccuracy.last!, accuracyBaselineFinal: baseline.testAccuracy.last!,
            accuracyFrozenFinal: frozen.testAccuracy.last!,
            driftBN: bn.meanAbsoluteDrift, driftBaseline: baseline.meanAbsoluteDrift, driftFrozen: frozen.meanAbsoluteDrift,
            signedDriftBN: bn.meanSignedDrift, signedDriftBaseline: baseline.meanSignedDrift,
            driftBesideShift: bn.driftBesideShift, steps: baseline.steps,
            accuracy: Dictionary(uniqueKeysWithValues: runs.map { ($0.key.rawValue, $0.value.testAccuracy) }),
            drift: Dictionary(uniqueKeysWithValues: runs.map { ($0.key.rawValue, $0.value.meanAbsoluteDriftOverTraining) }),
            typicalUnit: unit + 1,
            unit: Dictionary(uniqueKeysWithValues: runs.map { ($0.key.rawValue, $0.value.percentiles.map { $0[unit] }) }))
        return Outcome(claim: metrics(bn), control: metrics(frozen), extra: extra)
    }
}
