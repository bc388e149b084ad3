import ArgumentParser
import ClaimKit
import Datasets
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

/// Claim W1 of CLAIMS.md: "W = 0 or constant: every neuron computes and learns the same thing; the symmetry never
/// breaks."
///
/// A 784-64-64-10 tanh net is trained by SGD on Fashion-MNIST with its hidden layers initialised to a constant, to
/// zero, or at random (the control), the output layer always random. The check: the first hidden layer's units stay
/// identical throughout training from a constant start, and the zero start learns nothing. Random initialisation must
/// fail both rules.
@main
struct ZeroInitSymmetry: ClaimCommand {
    static let configuration = CommandConfiguration(
        commandName: "zero-init-symmetry",
        abstract: "Reproduce 'constant initialisation never breaks the symmetry' and write its report.")

    @OptionGroup var options: ExperimentOptions

    /// The check (thresholds explained in `reason`).
    static let check = LegacyCheck(
        rules: [LegacyRule("spread-constant", .lessThan(1e-6)), LegacyRule("accuracy-zeros", .lessThan(0.15))],
        reason: "From a constant start every unit of the first hidden layer receives the same input weights, computes "
            + "the same output and — because the units of the next layer all weigh it the same way — the same "
            + "gradient, so in exact arithmetic their weights stay equal forever and the spread stays 0. A spread "
            + "below a millionth of ‖W₁‖ counts as identical: that admits the rounding of a few steps but not a "
            + "separation, because once units differ training amplifies the difference exponentially (the Float32 "
            + "run in the caveats shows how fast), so units that really separate cross 10⁻⁶ long before the end "
            + "of the run. From zero every hidden unit outputs tanh(0) = 0, and a zero input and zero outgoing "
            + "weights leave every hidden weight gradient at exactly 0: only the output biases learn, so the net "
            + "predicts one class for every image, about 10% on the ten balanced classes of Fashion-MNIST; 0.15 "
            + "leaves room for the class mix of the evaluation images while staying far below what a net that "
            + "learns reaches. Random initialisation gives every unit its own weights from the start (a spread of "
            + "order 0.1·‖W₁‖) and learns, so both rules must reject it.")

    struct Settings {
        let steps: Int
        let probeInterval: Int
        let learningRate = 0.1
        let batchSize = 64
        let trainingExamples = 20_000
        let evaluationExamples = 2_000
    }

    func run() throws {
        let experiment = LegacyExperimentRun(Catalogue.zeroInitSymmetry, options: options, quickSeedCount: 1)
        let settings = options.quick ? Settings(steps: 300, probeInterval: 10) : Settings(steps: 1000, probeInterval: 20)
        let (training, evaluation) = try Self.loadData(training: settings.trainingExamples,
                                                       evaluation: settings.evaluationExamples)
        let results = experiment.seeds.map { seed in
            Self.measure(seed: seed, training: training, evaluation: evaluation, settings: settings)
        }
        let (evidence, control) = Self.evidence(results, seeds: experiment.seeds)
        let report = Self.report(results, evidence: evidence, settings: settings, seeds: experiment.seeds)
        try experiment.write(report, check: Self.check, evidence: evidence, control: control)
    }

    /// The first `training` Fashion-MNIST training images and the first `evaluation` test images, both standardised
    /// by one scalar mean and std of the training images.
    static func loadData(training: Int, evaluation: Int) throws
        -> (training: LabeledDataset<Float>, evaluation: LabeledDataset<Float>) {
        let data = try FashionMNIST.standardized(Float.self, trainingLimit: training, testLimit: evaluation)
        return (data.training, data.test!)
    }

    /// Everything measured on one seed.
    struct SeedResult: Sendable {
        /// The check's runs, in Float64: one per hidden initialisation.
        let runs: [HiddenInit: SymmetryRun<Double>]
        /// The constant start again in Float32, with the same weights and batches as `runs[.constant]`.
        let constantFloat32: SymmetryRun<Float>
    }

    static func measure(seed: Int, training: LabeledDataset<Float>, evaluation: LabeledDataset<Float>,
                        settings: Settings) -> SeedResult {
        func double(_ d: LabeledDataset<Float>) -> LabeledDataset<Double> {
            LabeledDataset(features: d.features.converted(to: Double.self), labels: d.labels, classCount: d.classCount)
        }
        let (training64, evaluation64) = (double(training), double(evaluation))
        var rng = SeededGenerator(seed: UInt64(seed))
        var runs: [HiddenInit: SymmetryRun<Double>] = [:]
        var constantStream: SeededGenerator?
        for hiddenInit in HiddenInit.allCases {
            var stream = rng.split()
            if hiddenInit == .constant { constantStream = stream }
            runs[hiddenInit] = SymmetryRun(hiddenInit: hiddenInit, training: training64, evaluation: evaluation64,
                                           steps: settings.steps, probeInterval: settings.probeInterval,
                                           learningRate: settings.learningRate, batchSize: settings.batchSize,
                                           using: &stream)
        }
        var stream = constantStream!
        let constantFloat32 = SymmetryRun<Float>(hiddenInit: .constant, training: training, evaluation: evaluation,
                                                 steps: settings.steps, probeInterval: settings.probeInterval,
                                                 learningRate: settings.learningRate, batchSize: settings.batchSize,
                                                 using: &stream)
        return SeedResult(runs: runs, constantFloat32: constantFloat32)
    }

    /// The claim's metrics and the control's (random initialisation in place of the constant and the zero start),
    /// under the same rule names.
    static func evidence(_ results: [SeedResult], seeds: [Int]) -> (LegacyEvidence, LegacyControl) {
        var claim = LegacyEvidence(seeds: seeds)
        claim.add("spread-constant", label: "constant init: largest spread of layer-1 units during training, "
                      + "max_j ‖w_j − w_1‖ / ‖W₁‖",
                  values: results.map { $0.runs[.constant]!.largestRelativeSpread(layer: 1) })
        claim.add("accuracy-zeros", label: "zero init: test accuracy after training",
                  values: results.map { $0.runs[.zeros]!.accuracy })
        claim.add("identical-units-constant", label: "constant init: layer-1 units identical to unit 1, bit for bit, "
                      + "after training (of \(SymmetryRun<Double>.sizes[1]))",
                  values: results.map { Double($0.runs[.constant]!.final(layer: 1).identicalUnits) })
        claim.add("spread-constant-layer2", label: "constant init: spread of layer-2 units after training, "
                      + "relative to ‖W₂‖",
                  values: results.map { $0.runs[.constant]!.final(layer: 2).relative })
        claim.add("weight-norm-zeros", label: "zero init: ‖W₁‖ + ‖W₂‖ after training",
                  values: results.map { $0.runs[.zeros]!.final(layer: 1).norm + $0.runs[.zeros]!.final(layer: 2).norm })
        claim.add("accuracy-constant", label: "constant init: test accuracy after training",
                  values: results.map { $0.runs[.constant]!.accuracy })
        claim.add("accuracy-random", label: "random init: test accuracy after training",
                  values: results.map { $0.runs[.random]!.accuracy })
        claim.add("spread-constant-float32", label: "constant init, Float32: largest spread of layer-1 units during "
                      + "training, relative to ‖W₁‖",
                  values: results.map { $0.constantFloat32.largestRelativeSpread(layer: 1) })
        claim.add("spread-constant-float32-first-step", label: "constant init, Float32: spread of layer-1 units after "
                      + "the first probe interval, relative to ‖W₁‖",
                  values: results.map { $0.constantFloat32.spreads[0][1].relative })
        claim.add("identical-units-constant-float32-first-step", label: "constant init, Float32: layer-1 units "
                      + "identical to unit 1, bit for bit, after the first probe interval",
                  values: results.map { Double($0.constantFloat32.spreads[0][1].identicalUnits) })
        claim.add("accuracy-constant-float32", label: "constant init, Float32: test accuracy after training",
                  values: results.map { $0.constantFloat32.accuracy })
        claim.add("spread-random-initial", label: "random init: spread of layer-1 units at initialisation, "
                      + "relative to ‖W₁‖",
                  values: results.map { $0.runs[.random]!.spreads[0][0].relative })

        var control = LegacyEvidence(seeds: seeds)
        control.add("spread-constant", label: "random init: largest spread of layer-1 units during training, "
                        + "max_j ‖w_j − w_1‖ / ‖W₁‖",
                    values: results.map { $0.runs[.random]!.largestRelativeSpread(layer: 1) })
        control.add("accuracy-zeros", label: "random init: test accuracy after training",
                    values: results.map { $0.runs[.random]!.accuracy })
        return (claim, LegacyControl("random initialisation N(0, 1/fan_in) of the hidden layers instead of a constant or "
                                   + "zero", mustBe: .rejected, evidence: control))
    }
}
