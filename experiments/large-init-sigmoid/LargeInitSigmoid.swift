import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim W6 of CLAIMS.md: "N(0, 1) weights with many inputs saturate sigmoid units; N(0, 0.1) lets learning proceed."
///
/// A 784-100-10 sigmoid net on raw Fashion-MNIST pixels in [0, 1] — many positive inputs, as in the note — with the
/// hidden weights from N(0, 1) or N(0, 0.1²): the pre-activations, the saturated fraction and σ′ at initialisation,
/// then SGD training. Negative control (a plausible alternative): "N(0, 0.1)" read as a variance, std √0.1 ≈ 0.32, in
/// the small initialisation's place — if any modestly small scale kept the units linear, it would pass.
@main
struct LargeInitSigmoid: ClaimExperiment {
    struct Settings: Sendable {
        var probeExamples = 1000, trainingExamples = 20_000, evaluationExamples = 2000
        var steps = 2000, evaluationInterval = 100, learningRate = 0.1, batchSize = 100
        /// The hidden weights' standard deviations, and the ranges of their pre-activation histograms.
        var large = 1.0, small = 0.1, control = 0.1.squareRoot()
        var largeRange = -60.0...60.0, smallRange = -6.0...6.0, controlRange = -20.0...20.0
        var histogramBins = 60
    }
    static let full = Settings()
    static let quick = Settings(trainingExamples: 5000, evaluationExamples: 1000, steps: 500)

    typealias Inputs = (training: LabeledDataset<Float>, evaluation: LabeledDataset<Float>)

    struct Metrics: SeedMetrics {
        /// Saturated fraction of hidden outputs (σ < 0.03 or > 0.97) with N(0, 1), and with the small arm.
        var saturatedLarge = 0.0, saturatedSmall = 0.0
        /// Mean σ′ of the small arm over mean σ′ of N(0, 1).
        var derivativeRatio = 0.0
    }

    struct Extra: SeedMetrics {
        var preActivationStdLarge = 0.0, preActivationStdSmall = 0.0, analyticStdLarge = 0.0, analyticStdSmall = 0.0
        /// The saturated fraction theory predicts for N(0, 0.1²): the mixture over images, and one Gaussian.
        var predictedSaturatedSmall = 0.0, gaussianSaturatedSmall = 0.0, predictedSaturatedLarge = 0.0
        var predictedSaturatedControl = 0.0
        var saturatedLargeLow = 0.0, saturatedLargeHigh = 0.0
        var derivativeMeanLarge = 0.0, derivativeMeanSmall = 0.0, derivativeMeanControl = 0.0
        var accuracyLarge = 0.0, accuracySmall = 0.0, accuracyGap = 0.0, accuracyLargeEarly = 0.0, accuracySmallEarly = 0.0
        var weightChangeLarge = 0.0, weightChangeSmall = 0.0, saturatedLargeAfter = 0.0
        var large: InitialisationRun? = nil, small: InitialisationRun? = nil, control: InitialisationRun? = nil
        var theory: PreActivationTheory? = nil
    }

    struct Facts: ClaimFacts {
        /// Seeds on which N(0, 0.1²) ends with the higher test accuracy.
        var smallWinsSeeds = 0
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("saturated-large", \Metrics.saturatedLarge, .greaterThan(0.5)),
        Rule("saturated-small", \Metrics.saturatedSmall, .lessThan(0.01)).amended(.lessThan(0.03)),
        Rule("derivative-ratio", \Metrics.derivativeRatio, .greaterThan(4)),
    ]

    /// Raw pixels / 255 in [0, 1] — not standardised: the claim is about many positive inputs.
    static func load(_ settings: Settings) throws -> Inputs {
        (try FashionMNIST.load(Float.self, part: .training, limit: settings.trainingExamples),
         try FashionMNIST.load(Float.self, part: .test, limit: settings.evaluationExamples))
    }

    static func measure(seed: Int, settings s: Settings, inputs: Inputs) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let probe = inputs.training.subset(Array(rng.permutation(inputs.training.count).prefix(s.probeExamples))).features
        func run(_ sigma: Double, _ range: ClosedRange<Double>, train: Bool) -> InitialisationRun {
            SeedProgress.configuration(of: 3, "hidden weights σ " + String(format: "%.3g", sigma) + (train ? "" : ", not trained"))
            var stream = rng.split()
            return InitialisationRun(sigma: sigma, range: range, settings: s, data: inputs, probe: probe, train: train,
                                     using: &stream)
        }
        let large = run(s.large, s.largeRange, train: true), small = run(s.small, s.smallRange, train: true)
        let control = run(s.control, s.controlRange, train: false)
        let theory = PreActivationTheory(probe: probe)
        func metrics(_ arm: InitialisationRun) -> Metrics {
            Metrics(saturatedLarge: large.atInit.output.saturatedFraction, saturatedSmall: arm.atInit.output.saturatedFraction,
                    derivativeRatio: arm.atInit.derivative.mean / large.atInit.derivative.mean)
        }
        let early = 1   // the accuracy after the first evaluation interval
        let extra = Extra(
            preActivationStdLarge: large.atInit.preActivation.standardDeviation,
            preActivationStdSmall: small.atInit.preActivation.standardDeviation,
            analyticStdLarge: theory.standardDeviation(s.large), analyticStdSmall: theory.standardDeviation(s.small),
            predictedSaturatedSmall: theory.saturatedFraction(s.small),
            gaussianSaturatedSmall: theory.gaussianSaturatedFraction(s.small),
            predictedSaturatedLarge: theory.saturatedFraction(s.large),
            predictedSaturatedControl: theory.saturatedFraction(s.control),
            saturatedLargeLow: large.atInit.saturatedLow, saturatedLargeHigh: large.atInit.saturatedHigh,
            derivativeMeanLarge: large.atInit.derivative.mean, derivativeMeanSmall: small.atInit.derivative.mean,
            derivativeMeanControl: control.atInit.derivative.mean,
            accuracyLarge: large.finalAccuracy, accuracySmall: small.finalAccuracy,
            accuracyGap: small.finalAccuracy - large.finalAccuracy,
            accuracyLargeEarly: large.accuracies[early], accuracySmallEarly: small.accuracies[early],
            weightChangeLarge: large.hiddenWeightChange, weightChangeSmall: small.hiddenWeightChange,
            saturatedLargeAfter: large.afterTraining.output.saturatedFraction,
            large: large, small: small, control: control, theory: theory)
        return Outcome(claim: metrics(small), control: metrics(control), extra: extra)
    }

    static func facts(_ run: Run<Self>) -> Facts {
        Facts(smallWinsSeeds: run.extra(\.accuracyGap).filter { $0 > 0 }.count)
    }
}
