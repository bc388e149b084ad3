import ArgumentParser
import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claims B1/B2 of CLAIMS.md: "BN keeps each layer's inputs in the Gaussian range we want, so training is faster and
/// stable" — Ioffe & Szegedy (2015) §4.1, Fig. 1, on Fashion-MNIST instead of MNIST.
///
/// Per seed, three 784-[100]×3-10 sigmoid nets with weights N(0, 0.1²) are trained by SGD (η = 0.5, batch 60): with
/// BN before every sigmoid, without BN (the baseline, same initial weights and batch order), and a second net without
/// BN from independent weights and batch order (the negative control: what a "gain" looks like when there is none).
/// The check: BN's test accuracy at step 500 beats the baseline's by a margin, and the medians of the last hidden
/// layer's sigmoid inputs stay close to where they started.
@main
struct BatchNormStability: ClaimCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchnorm-stability",
        abstract: "Reproduce 'batch norm keeps layer inputs steady and speeds up training' and write its report.")

    @OptionGroup var options: ExperimentOptions

    /// The check (thresholds explained in `reason`).
    static let check = LegacyCheck(
        rules: [LegacyRule("early-accuracy-gain", .greaterThan(0.08)), LegacyRule("mean-absolute-drift", .lessThan(0.6))],
        reason: "Faster training is measured as the area under the early learning curve: the mean test accuracy "
            + "over the probes at steps 50, 100, …, 500, BN minus the baseline (same initial weights, same batches). "
            + "CLAIMS.md compares single probes at step 500 (threshold 0.05), but under SGD at η = 0.5 the test accuracy "
            + "swings by several points from one probe to the next, as much as that margin (the per-seed tables list "
            + "the single-probe differences at step 500 for both pairs); the mean over ten probes averages the swings "
            + "out. The threshold 0.08 "
            + "sits at about half of the smallest gain measured over 5 seeds and several times above the largest "
            + "difference between two nets without BN, so it separates \"BN is faster\" from seed noise with room "
            + "on both sides. Stability is the mean over the 100 units of the last hidden layer of |median of the "
            + "unit's sigmoid input at the end − at step 0| on fixed training images: 0.6 (in units of the "
            + "sigmoid's input) is just under twice the largest value with BN and well under half the smallest "
            + "without BN. The drift rule is applied on every seed (CLAIMS.md only asks for 4 of 5). The second "
            + "net without BN, trained from its own weights and batch order, must fail both rules.")

    func run() throws {
        let experiment = LegacyExperimentRun(Catalogue.batchNormStability, options: options, quickSeedCount: 1)
        let settings = options.quick ? Settings.quick : Settings.full
        let data = try Self.loadData(settings: settings)
        let results = experiment.seeds.map { Self.measure(seed: $0, data: data, settings: settings) }
        let (evidence, control) = Self.evidence(results, settings: settings, seeds: experiment.seeds)
        let report = Self.report(results, evidence: evidence, settings: settings, seeds: experiment.seeds)
        try experiment.write(report, check: Self.check, evidence: evidence, control: control)
    }

    struct Data: Sendable {
        let training: LabeledDataset<Float>
        let test: LabeledDataset<Float>
        /// The first `probeExamples` training images: where the sigmoid inputs are measured.
        let probe: Tensor<Float>
    }

    /// The first `trainingExamples` Fashion-MNIST training images and `testExamples` test images, both standardised
    /// by one scalar mean and std of the training images.
    static func loadData(settings: Settings) throws -> Data {
        let data = try FashionMNIST.standardized(Float.self, trainingLimit: settings.trainingExamples,
                                                 testLimit: settings.testExamples)
        return Data(training: data.training, test: data.test!,
                    probe: data.training.features.gatheringRows(Array(0..<settings.probeExamples)))
    }

    /// Everything measured on one seed.
    struct SeedResult: Sendable {
        let batchNorm: StabilityRun
        let baseline: StabilityRun
        /// A second net without BN, from independent weights and batch order: the negative control.
        let replicate: StabilityRun
    }

    /// BN and baseline share their initial weights and batch order (a paired comparison); the replicate has its own.
    static func measure(seed: Int, data: Data, settings: Settings) -> SeedResult {
        var rng = SeededGenerator(seed: UInt64(seed))
        let paired = rng.split()
        var replicateStream = rng.split()
        func train(batchNorm: Bool, _ stream: inout SeededGenerator) -> StabilityRun {
            StabilityRun(batchNorm: batchNorm, training: data.training, test: data.test, probe: data.probe,
                         settings: settings, using: &stream)
        }
        var bnStream = paired, baselineStream = paired
        return SeedResult(batchNorm: train(batchNorm: true, &bnStream),
                          baseline: train(batchNorm: false, &baselineStream),
                          replicate: train(batchNorm: false, &replicateStream))
    }

    /// The claim's metrics (BN against the baseline) and the control's (the second net without BN against the
    /// baseline), under the same names for the rules.
    static func evidence(_ results: [SeedResult], settings: Settings, seeds: [Int]) -> (LegacyEvidence, LegacyControl) {
        let step = settings.comparisonStep, first = settings.probeInterval
        func early(_ run: StabilityRun) -> Double { run.meanAccuracy(from: first, through: step) }
        func meanDrift(_ run: StabilityRun) -> Double { run.medianDrift.reduce(0, +) / Double(run.medianDrift.count) }
        var claim = LegacyEvidence(seeds: seeds)
        claim.add("early-accuracy-gain", label: "mean test accuracy over steps \(first)–\(step): BN − baseline",
                  values: results.map { early($0.batchNorm) - early($0.baseline) })
        claim.add("mean-absolute-drift", label: "mean |median drift| of the last hidden layer's sigmoid inputs, BN",
                  values: results.map(\.batchNorm.meanAbsoluteDrift))
        claim.add("early-accuracy-bn", label: "mean test accuracy over steps \(first)–\(step), BN",
                  values: results.map { early($0.batchNorm) })
        claim.add("early-accuracy-baseline", label: "mean test accuracy over steps \(first)–\(step), baseline",
                  values: results.map { early($0.baseline) })
        claim.add("accuracy-bn-500", label: "test accuracy at step \(step), BN",
                  values: results.map { $0.batchNorm.accuracy(atStep: step) })
        claim.add("accuracy-baseline-500", label: "test accuracy at step \(step), baseline",
                  values: results.map { $0.baseline.accuracy(atStep: step) })
        claim.add("accuracy-gain-500", label: "test accuracy at step \(step): BN − baseline (one probe)",
                  values: results.map { $0.batchNorm.accuracy(atStep: step) - $0.baseline.accuracy(atStep: step) })
        claim.add("accuracy-bn-final", label: "test accuracy at step \(settings.steps), BN",
                  values: results.map { $0.batchNorm.testAccuracy.last! })
        claim.add("accuracy-baseline-final", label: "test accuracy at step \(settings.steps), baseline",
                  values: results.map { $0.baseline.testAccuracy.last! })
        claim.add("mean-absolute-drift-baseline", label: "mean |median drift|, baseline",
                  values: results.map(\.baseline.meanAbsoluteDrift))
        claim.add("mean-drift-bn", label: "mean signed median drift, BN", values: results.map { meanDrift($0.batchNorm) })
        claim.add("mean-drift-baseline", label: "mean signed median drift, baseline",
                  values: results.map { meanDrift($0.baseline) })
        claim.add("drift-beside-shift-bn", label: "mean |median drift − learned β| of the last BN layer, BN",
                  values: results.map(\.batchNorm.driftBesideShift))

        var control = LegacyEvidence(seeds: seeds)
        control.add("early-accuracy-gain",
                    label: "mean test accuracy over steps \(first)–\(step): second net without BN − baseline",
                    values: results.map { early($0.replicate) - early($0.baseline) })
        control.add("mean-absolute-drift", label: "mean |median drift|, second net without BN",
                    values: results.map(\.replicate.meanAbsoluteDrift))
        control.add("accuracy-gain-500", label: "test accuracy at step \(step): second net without BN − baseline (one probe)",
                    values: results.map { $0.replicate.accuracy(atStep: step) - $0.baseline.accuracy(atStep: step) })
        return (claim, LegacyControl("a second net without BN (its own initial weights and batch order) in BN's place",
                               mustBe: .rejected, evidence: control))
    }
}
