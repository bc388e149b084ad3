import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim O2 of CLAIMS.md: the note says accumulating k micro-batch gradients is only *similar* to one k× larger
/// batch. The gradient accumulated (averaged) over k micro-batches is compared with the gradient of the whole batch,
/// at initialisation, for a plain, a layer-norm and a batch-norm MLP. Expected `not reproduced`: without a
/// batch-coupled layer the two agree to Float32 rounding. Positive control: accumulation in reduced precision, each
/// micro-batch gradient rounded to bfloat16 before it is added, through the same measurement.
@main
struct GradientAccumulation: ClaimExperiment {
    struct Settings: Sendable {
        var width = 256
        var batchSize = 64
        /// k for the rules (8 micro-batches of 8, CLAIMS.md's reference); the figure sweeps `microBatchCounts`.
        var microBatches = 8
        var microBatchCounts = [2, 4, 8, 16, 32]
        var pool = 10_000
        var varianceBatchSizes = [1, 2, 4, 8, 16, 32, 64, 128, 256]
        var varianceDraws = 40
        /// Batches per seed on which the plain net's rounding outliers are counted.
        var outlierBatches = 100
    }
    static let full = Settings()
    static let quick = Settings(microBatchCounts: [8], pool: 2000, varianceBatchSizes: [1, 4, 16, 64], varianceDraws: 6,
                                outlierBatches: 10)

    struct Metrics: SeedMetrics {
        /// ‖g_accumulated − g_batch‖ / ‖g_batch‖, k = 8 micro-batches of 8, per net.
        var relativeDifferencePlain = 0.0
        var relativeDifferenceLayerNorm = 0.0
        var relativeDifferenceBatchNorm = 0.0
    }

    struct Extra: SeedMetrics {
        /// The plain net's relative difference computed in Float64, and the Float32 one divided by it.
        var relativeDifferencePlain64 = 0.0, precisionRatio = 0.0
        /// Fitted log-log slope of the mini-batch gradient variance against the batch size.
        var varianceSlope = 0.0
        /// Curves: relative difference per micro-batch count, per arm name.
        var differences: [String: [Double]] = [:]
        var variance = GradientVariance()
        /// Of `outlierBatches` further batches (plain net, k = 8): how many differ by more than 1e−5, how many of
        /// those had a ReLU pre-activation change sign between the two forward passes, how many batches had one.
        var outliers = 0, outliersWithFlip = 0, batchesWithFlip = 0
    }

    struct Facts: ClaimFacts {
        /// Examples per micro-batch in the rules' comparison (batch size / k).
        var microBatchSize = 0
        /// The rounding outliers summed over the seeds, and the number of batches they were counted on.
        var outliers = 0, outliersWithFlip = 0, batchesWithFlip = 0, outlierBatches = 0
        /// Whether any of those batches was an outlier, and whether every outlier had a kink crossed.
        var anyOutlier = false, everyOutlierFlipped = false
        /// Whether the plain and layer-norm rules failed on every seed and the batch-norm rule held (as expected).
        var asExpected = false
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let outliers = run.extra(\.outliers).reduce(0, +), flipped = run.extra(\.outliersWithFlip).reduce(0, +)
        return Facts(microBatchSize: run.settings.batchSize / run.settings.microBatches, outliers: outliers,
                     outliersWithFlip: flipped, batchesWithFlip: run.extra(\.batchesWithFlip).reduce(0, +),
                     outlierBatches: run.settings.outlierBatches * run.seeds.count, anyOutlier: outliers > 0,
                     everyOutlierFlipped: flipped == outliers, asExpected: run.judgement.rule("plain-differs")?.failed == true
                        && run.judgement.rule("layer-norm-differs")?.failed == true && run.held("batch-norm-differs"))
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("plain-differs", \Metrics.relativeDifferencePlain, .greaterThan(1e-5)),
        Rule("layer-norm-differs", \Metrics.relativeDifferenceLayerNorm, .greaterThan(1e-5)),
        Rule("batch-norm-differs", \Metrics.relativeDifferenceBatchNorm, .greaterThan(1e-2)),
    ]

    static func load(_ settings: Settings) throws -> LabeledDataset<Float> {
        try FashionMNIST.standardizedTraining(Float.self, limit: settings.pool)
    }

    /// The names of the curves: each net (the claim), the plain net in Float64, each net in bfloat16 (the control).
    static func curveName(_ net: Net, _ combination: Combination) -> String {
        combination == .average ? net.rawValue : "\(net.rawValue), bfloat16 micro-batch gradients"
    }
    static let plain64 = "no normalisation, Float64"

    static func measure(seed: Int, settings: Settings, inputs pool: LabeledDataset<Float>) throws
        -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let batch = pool.subset(Array(rng.permutation(pool.count).prefix(settings.batchSize)))
        let weightSeed = rng.next()
        let counts = Array(Set(settings.microBatchCounts + [settings.microBatches])).sorted()
        var extra = Extra()
        for net in Net.allCases {
            for combination in [Combination.average, .bfloat16] {
                extra.differences[curveName(net, combination)] = accumulationDifferences(
                    net, Float.self, batch: batch, width: settings.width, microBatchCounts: counts,
                    combination: combination, weightSeed: weightSeed)
            }
        }
        let batch64 = LabeledDataset(features: batch.features.converted(to: Double.self), labels: batch.labels,
                                     classCount: batch.classCount)
        extra.differences[plain64] = accumulationDifferences(.plain, Double.self, batch: batch64, width: settings.width,
                                                             microBatchCounts: counts, combination: .average,
                                                             weightSeed: weightSeed)
        let at = counts.firstIndex(of: settings.microBatches)!
        extra.relativeDifferencePlain64 = extra.differences[plain64]![at]
        extra.precisionRatio = extra.differences[curveName(.plain, .average)]![at] / extra.relativeDifferencePlain64
        func metrics(_ combination: Combination) -> Metrics {
            Metrics(relativeDifferencePlain: extra.differences[curveName(.plain, combination)]![at],
                    relativeDifferenceLayerNorm: extra.differences[curveName(.layerNorm, combination)]![at],
                    relativeDifferenceBatchNorm: extra.differences[curveName(.batchNorm, combination)]![at])
        }
        var varianceRNG = rng.split()
        extra.variance = GradientVariance(pool: pool, batchSizes: settings.varianceBatchSizes,
                                          draws: settings.varianceDraws, width: settings.width, using: &varianceRNG)
        let sizes = settings.varianceBatchSizes.map(Double.init)
        extra.varianceSlope = logLogSlope(sizes, extra.variance.real)
        var outlierRNG = SeededGenerator(seed: weightSeed ^ 0x0071)
        (extra.outliers, extra.outliersWithFlip, extra.batchesWithFlip) = roundingOutliers(
            pool: pool, batches: settings.outlierBatches, settings: settings, bound: 1e-5, using: &outlierRNG)
        return Outcome(claim: metrics(.average), control: metrics(.bfloat16), extra: extra)
    }
}
