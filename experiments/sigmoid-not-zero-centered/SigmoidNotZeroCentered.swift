import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim A2: a 784-[128]×5-10 net with σ(z), with σ(z) − 0.5, and (control) with σ(z) and next-layer biases that give
/// it the centred net's function at initialisation while its weights still see all-positive inputs.
@main
struct SigmoidNotZeroCentered: ClaimExperiment {
    struct Settings: Sendable {
        var depth = 5, width = 128, initializer = Initializer.lecunNormal
        var trainingExamples = 20_000, probeExamples = 2_000
        var steps = 800, batchSize = 100, learningRates = [1.0, 3.0], recordInterval = 20
        /// The same-sign probe: `probeBatch` images cut into mini-batches of each size and of `batchSize`.
        var probeBatch = 256, batchSizes = [1, 2, 4, 8, 16, 32, 64, 128, 256], eigenExamples = 5_000
        /// The 2-D picture: steps, each η/‖x‖² times the gradient.
        var toySteps = 40, toyLearningRate = 0.5
    }
    static let full = Settings()
    static let quick = Settings(trainingExamples: 5_000, probeExamples: 1_000, steps: 500, batchSize: 50, eigenExamples: 1_000)

    struct Metrics: SeedMetrics {
        /// Sigmoid minus fix: probe loss after the last step, mean training loss over all steps (smaller over the rates).
        var lossGap = 0.0, meanLossGap = 0.0
        /// λ₁(E[xxᵀ]) / λ₁(Cov x) of raw pixels (same for every arm) and of the arm's own layer-2 inputs at init.
        var pixelEigenvalueRatio = 0.0, layer2EigenvalueRatio = 0.0
    }

    struct Extra: SeedMetrics {
        var sigmoidLoss1 = 0.0, centredLoss1 = 0.0, controlLoss1 = 0.0, sigmoidLoss3 = 0.0, centredLoss3 = 0.0
        var controlLoss3 = 0.0, gap1 = 0.0, gap3 = 0.0, meanGap1 = 0.0, meanGap3 = 0.0, controlMeanGap1 = 0.0
        var controlMeanGap3 = 0.0, pixelSecondMoment = 0.0, pixelCovariance = 0.0, hiddenRatioCentred = 0.0
        var sameSignFraction = 0.0, sigmoidOrthant8 = 0.0, sigmoidOrthantTraining = 0.0, sigmoidOrthant64 = 0.0
        var sigmoidAgreement64 = 0.0, controlAgreement64 = 0.0, centredOrthant1 = 0.0, toyDistancePositive = 0.0
        var toyDistanceCentred = 0.0, sigmoidLoss0 = 0.0, centredLoss0 = 0.0, controlLoss0 = 0.0
        /// Per variant: per learning rate, the training loss every `recordInterval` steps; the same-sign probe.
        var curves: [Variant: [[Double]]] = [:], probes: [Variant: SameSignProbe] = [:]
        var toyPositive = ZigZag(), toyCentred = ZigZag()
    }

    /// Outcomes for the prose (definitions in `facts`; means over seeds unless `allSatisfy`).
    struct Facts: ClaimFacts {
        var controlStartsAsCentred = false, centredLowest = false, controlNearSigmoid1 = false, controlNearSigmoid3 = false
        var controlLosesSignFaster = false, mostB8Mixed = false, lossRejectsControl = false, layer2RejectsControl = false
        var sigmoidLeft1 = "", sigmoidLeft3 = ""   // "k of n" seeds ending below ln 10 − 0.1 on the probe set
    }

    static func facts(_ run: Run<Self>) -> Facts {
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
        func rejects(_ id: String) -> Bool { run.judgement.inForce.control.first { $0.id == id }!.holds.allSatisfy { !$0 } }
        func left(_ loss: [Double]) -> String { "\(loss.filter { $0 < Foundation.log(10) - 0.1 }.count) of \(loss.count)" }
        let x = run.extra(\.self)
        return Facts(controlStartsAsCentred: x.allSatisfy { abs($0.controlLoss0 - $0.centredLoss0) < 1e-3 },
                     centredLowest: x.allSatisfy {
                         $0.meanGap1 > max($0.controlMeanGap1, 0) && $0.meanGap3 > max($0.controlMeanGap3, 0) },
                     controlNearSigmoid1: mean(x.map(\.controlMeanGap1)) < mean(x.map(\.meanGap1)) / 2,
                     controlNearSigmoid3: mean(x.map(\.controlMeanGap3)) < mean(x.map(\.meanGap3)) / 2,
                     controlLosesSignFaster: mean(x.map(\.controlAgreement64)) < mean(x.map(\.sigmoidAgreement64)),
                     mostB8Mixed: mean(x.map(\.sigmoidOrthant8)) < 0.5, lossRejectsControl: rejects("loss-gap"),
                     layer2RejectsControl: rejects("eigenvalue-ratio"), sigmoidLeft1: left(x.map(\.sigmoidLoss1)),
                     sigmoidLeft3: left(x.map(\.sigmoidLoss3)))
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("loss-gap", \Metrics.lossGap, .greaterThan(0.5)).amended(to: \Metrics.meanLossGap, .greaterThan(0.5)),
        Rule("eigenvalue-ratio", \Metrics.pixelEigenvalueRatio, .greaterThan(4))
            .amended(to: \Metrics.layer2EigenvalueRatio, .greaterThan(4)),
    ]

    struct Inputs: Sendable { let training: LabeledDataset<Float>, probe: LabeledDataset<Float>, raw: Tensor<Float> }

    /// The first `trainingExamples` training images (and their raw pixels) and the next `probeExamples` as a fixed probe
    /// set, standardised by one scalar mean and std of the training part.
    static func load(_ s: Settings) throws -> Inputs {
        let raw = try FashionMNIST.load(Float.self, part: .training, limit: s.trainingExamples + s.probeExamples)
        let training = raw.prefix(s.trainingExamples)
        let standardization = ScalarStandardization.fit(training.features)
        return Inputs(training: training.mappingFeatures { standardization.apply($0) },
                      probe: raw.subset(Array(s.trainingExamples..<raw.count)).mappingFeatures { standardization.apply($0) },
                      raw: training.features)
    }

    /// One seed. Every variant starts from the same weight draws and sees the same mini-batches in the same order.
    static func measure(seed: Int, settings s: Settings, inputs data: Inputs) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let weightSeed = rng.next(), orderSeed = rng.next()
        var draws = rng.split()   // pixels, probe batch, 2-D inputs
        let sizes = [data.training.featureCount] + Array(repeating: s.width, count: s.depth) + [data.training.classCount]
        func network(_ variant: Variant) -> Sequential<Float> {
            var weights = SeededGenerator(seed: weightSeed)
            return variant.network(sizes: sizes, initializer: s.initializer, using: &weights)
        }
        let pixels = topEigenvalues(data.raw.gatheringRows(Array(draws.permutation(data.raw.rows).prefix(s.eigenExamples))))
        let batch = data.training.subset(Array(draws.permutation(data.training.count).prefix(s.probeBatch)))
        let toyInputs = (0..<s.toySteps).map { _ in (draws.unitUniform(), draws.unitUniform()) }
        var probes: [Variant: SameSignProbe] = [:], runs: [Variant: [TrainingCurve]] = [:]
        let batchSizes = Set(s.batchSizes + [s.batchSize]).sorted()
        for variant in Variant.allCases {
            probes[variant] = SameSignProbe(network(variant), batch: batch, batchSizes: batchSizes)
            runs[variant] = s.learningRates.map { rate in
                SeedProgress.configuration(of: Variant.allCases.count * s.learningRates.count, "\(variant.rawValue), SGD η \(rate)")
                var order = SeededGenerator(seed: orderSeed)
                return TrainingCurve(network(variant), training: data.training, probe: data.probe, steps: s.steps,
                                     batchSize: s.batchSize, learningRate: rate, interval: s.recordInterval, using: &order)
            }
        }
        let loss = runs.mapValues { $0.map(\.probeLoss) }, meanLoss = runs.mapValues { $0.map(\.meanLoss) }
        func gaps(_ fix: Variant, _ loss: [Variant: [Double]] = loss) -> [Double] { zip(loss[.sigmoid]!, loss[fix]!).map { $0 - $1 } }
        func smallest(_ values: [Double]) -> Double { values.contains(where: \.isNaN) ? .nan : values.min()! }
        func metrics(_ fix: Variant, probe: Variant) -> Metrics {
            Metrics(lossGap: smallest(gaps(fix)), meanLossGap: smallest(gaps(fix, meanLoss)),
                    pixelEigenvalueRatio: pixels.secondMoment / pixels.covariance,
                    layer2EigenvalueRatio: probes[probe]!.secondMomentRatio)
        }
        let sigmoid = probes[.sigmoid]!, b64 = batchSizes.firstIndex(of: 64)!, initial = runs.mapValues { $0[0].initialLoss }
        let toyPositive = ZigZag(inputs: toyInputs, centred: false, learningRate: s.toyLearningRate)
        let toyCentred = ZigZag(inputs: toyInputs, centred: true, learningRate: s.toyLearningRate)
        let extra = Extra(
            sigmoidLoss1: loss[.sigmoid]![0], centredLoss1: loss[.centred]![0], controlLoss1: loss[.compensated]![0],
            sigmoidLoss3: loss[.sigmoid]![1], centredLoss3: loss[.centred]![1], controlLoss3: loss[.compensated]![1],
            gap1: gaps(.centred)[0], gap3: gaps(.centred)[1], meanGap1: gaps(.centred, meanLoss)[0], meanGap3: gaps(.centred, meanLoss)[1],
            controlMeanGap1: gaps(.compensated, meanLoss)[0], controlMeanGap3: gaps(.compensated, meanLoss)[1],
            pixelSecondMoment: pixels.secondMoment, pixelCovariance: pixels.covariance,
            hiddenRatioCentred: probes[.centred]!.secondMomentRatio, sameSignFraction: sigmoid.orthantFraction[0],
            sigmoidOrthant8: sigmoid.orthantFraction[batchSizes.firstIndex(of: 8)!],
            sigmoidOrthantTraining: sigmoid.orthantFraction[batchSizes.firstIndex(of: s.batchSize)!],
            sigmoidOrthant64: sigmoid.orthantFraction[b64], sigmoidAgreement64: sigmoid.agreement[b64],
            controlAgreement64: probes[.compensated]!.agreement[b64], centredOrthant1: probes[.centred]!.orthantFraction[0],
            toyDistancePositive: toyPositive.distance.last!, toyDistanceCentred: toyCentred.distance.last!,
            sigmoidLoss0: initial[.sigmoid]!, centredLoss0: initial[.centred]!, controlLoss0: initial[.compensated]!,
            curves: runs.mapValues { $0.map(\.losses) }, probes: probes, toyPositive: toyPositive, toyCentred: toyCentred)
        return Outcome(claim: metrics(.centred, probe: .sigmoid), control: metrics(.compensated, probe: .compensated), extra: extra)
    }
}
