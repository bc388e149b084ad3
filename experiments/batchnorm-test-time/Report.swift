import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

extension BatchNormTestTime {
    static func f(_ x: Double) -> String { NumberFormat.format(x, significant: 3) }
    static func meanStd(_ m: LegacyEvidence.Metric) -> String {
        NumberFormat.format(mean: m.summary.mean, std: m.summary.standardDeviation, significant: 3)
    }

    static func report(_ results: [TestTimeRun], evidence: LegacyEvidence, settings: Settings, seeds: [Int]) -> LegacyClaimReport {
        let testBatchChange = results.map { r in settings.batchings.map { r.testBatchLogitChange[$0]! }.max()! }.max()!
        func running(_ b: Batching) -> LegacyEvidence.Metric { evidence["accuracy-\(slug(b))"] }
        func testBatch(_ b: Batching) -> LegacyEvidence.Metric { evidence["test-batch-accuracy-\(slug(b))"] }
        let reference = Batching.consecutive(settings.referenceSize)
        let one = Batching.consecutive(1), eight = Batching.consecutive(8), sorted = Batching.classSorted(100)
        let logitChange = evidence["largest-logit-change"], accuracyChange = evidence["largest-accuracy-change"]
        let relativeChange = evidence["relative-score-change"], scale = evidence["score-scale"]
        let summary = "Scored with the running averages from training, every test image gets the same scores "
            + "whether it is alone or in a batch of \(settings.referenceSize) (largest difference "
            + "\(NumberFormat.format(logitChange.summary.maximum, significant: 2)) over all images, batchings and "
            + "seeds, on scores as large as \(NumberFormat.format(scale.summary.maximum, significant: 2))) and the test accuracy is \(meanStd(running(reference))) in every batching"
            + (accuracyChange.summary.maximum == 0 ? "" : " (to within \(NumberFormat.format(accuracyChange.summary.maximum, significant: 2)))")
            + ". Scored with each "
            + "test batch's own statistics, the same nets reach \(meanStd(testBatch(reference))) in batches of "
            + "\(settings.referenceSize) but \(meanStd(testBatch(eight))) in batches of 8, "
            + "\(meanStd(testBatch(one))) one image at a time (every image gets the same scores) and "
            + "\(meanStd(testBatch(sorted))) in class-sorted batches of 100."
        let setup = Table(header: ["data", "network", "init", "optimizer", "steps", "evaluation", "seeds", "precision"], rows: [
            ["first \(settings.trainingExamples) Fashion-MNIST training images, scalar-standardised; the first "
                + "\(settings.testExamples) test images",
             "784-[128]×3-10 ReLU, BN before each ReLU (momentum 0.9, ε = 1e-5)", "He N(0, 2/fan_in), biases 0",
             "Adam, η = \(NumberFormat.format(settings.learningRate, significant: 1)), batch \(settings.batchSize)",
             "\(settings.steps)",
             "the whole test set in batches of " + settings.figureBatchings.map(\.description).joined(separator: "; ")
                + ": running averages (evaluation phase), then each batch's own statistics (training phase)",
             seeds.map(String.init).joined(separator: ", "), "Float32"],
        ])
        var report = LegacyClaimReport(
            summary: summary,
            keyNumber: "running averages: \(f(running(reference).summary.mean)) at every batch size; test-batch "
                + "statistics: \(f(testBatch(one).summary.mean)) at batch 1, \(f(testBatch(sorted).summary.mean)) "
                + "class-sorted",
            setup: setup)
        report.add("accuracy-by-test-batch", accuracyFigure(evidence, settings: settings, seedCount: seeds.count))
        report.besideTheOriginal = [
            ("an example's output at inference",
             "Ioffe & Szegedy, Algorithm 2 and §3.1: at inference BN uses the population mean and unbiased variance, "
                + "\"so that the output depends deterministically on the input\"",
             "largest |score change| between an image scored alone (or in batches of 8, 100, class-sorted 100) and "
                + "in a batch of \(settings.referenceSize): \(NumberFormat.format(logitChange.summary.maximum, significant: 2)) "
                + "(\(NumberFormat.format(relativeChange.summary.maximum, significant: 2)) of the largest |score|); "
                + "largest accuracy change \(f(accuracyChange.summary.maximum))"),
            ("test accuracy, running averages", "CLAIMS.md float64 reference: 0.834–0.847",
             meanStd(running(reference))),
            ("test accuracy, test-batch statistics",
             "CLAIMS.md reference: batch 1000 0.838–0.852, batch 8 0.736–0.739, batch 1 0.093, class-sorted batches "
                + "of 100 0.16",
             "batch \(settings.referenceSize) \(meanStd(testBatch(reference))), batch 8 \(meanStd(testBatch(eight))), "
                + "batch 1 \(meanStd(testBatch(one))), class-sorted \(meanStd(testBatch(sorted)))"),
        ]
        let largeBatchGap = testBatch(reference).summary.mean - running(reference).summary.mean
        report.caveats = [
            "**Large random batches are not the problem.** With \(settings.referenceSize) randomly mixed test images a "
                + "batch's mean and variance are close to the population's, so test-batch statistics score "
                + "\(f(testBatch(reference).summary.mean)) against \(f(running(reference).summary.mean)) with the "
                + "running averages (test-batch minus running: \(NumberFormat.format(largeBatchGap, significant: 2))). What "
                + "the running averages buy is independence: a prediction that does not change with batch size or "
                + "with who else is in the batch — small batches, single requests and correlated batches (one class, "
                + "one video, one user) are where test-batch statistics fail.",
            "**A batch of one.** The engine's training phase refuses a batch of one example (its variance is 0 and "
                + "its unbiased variance undefined). Here such a batch is given its limit: x − μ_B = 0, so x̂ = 0 "
                + "and every BN layer outputs β whatever the image — every image then gets the same scores, and the "
                + "accuracy is the share of the one predicted class in the test set.",
            "**Running averages, not population statistics.** Algorithm 2 averages the statistics of many training "
                + "batches after training; the engine, like CS231n's assignment, keeps an exponential moving average "
                + "with momentum 0.9 during training (variance stored unbiased, N/(N−1)). After "
                + "\(settings.steps) steps both are fixed statistics at test time, which is all this claim needs.",
            "**Float32 rounding.** The scores of one image alone and in a batch are not bit-identical: the matrix "
                + "product takes different kernel paths for different shapes. The differences, at most "
                + "\(NumberFormat.format(logitChange.summary.maximum, significant: 2)) on scores up to "
                + "\(NumberFormat.format(scale.summary.maximum, significant: 2)), are Float32 rounding, not the batch's "
                + "content; with test-batch statistics the same comparison moves scores by up to "
                + "\(NumberFormat.format(testBatchChange, significant: 3)).",
        ]
        return report
    }

    /// Test accuracy at each test batching: running averages vs test-batch statistics, mean over seeds.
    static func accuracyFigure(_ evidence: LegacyEvidence, settings: Settings, seedCount: Int) -> Figure {
        let batchings = settings.figureBatchings
        let categories = batchings.map { b -> String in
            switch b {
            case .consecutive(let size): "\(size)"
            case .classSorted(let size): "\(size), one class each"
            }
        }
        func means(_ prefix: String) -> [Double] {
            batchings.map { evidence["\(prefix)\(slug($0))"].summary.mean }
        }
        let running = means("accuracy-"), testBatch = means("test-batch-accuracy-")
        var figure = Figure(title: "Test accuracy of the same nets, by how the test set is batched",
                            x: Axis(label: "test batch size"),
                            y: Axis(label: "test accuracy", range: .between(0, 1)))
        figure.add(.bars(categories: categories, values: running, label: "running averages (evaluation phase)"))
        figure.add(.bars(categories: categories, values: testBatch, label: "each test batch's own statistics"))
        figure.add(.referenceLine(.horizontal(y: 0.1), label: "chance (1 in 10)"))
        figure.legend = .below
        figure.size = PixelSize(width: 700, height: 460)
        let index = { (b: Batching) in batchings.firstIndex(of: b)! }
        let ref = index(.consecutive(settings.referenceSize))
        let spread = running.max()! - running.min()!
        let matching = batchings.indices.filter { i in
            if case .consecutive = batchings[i] { return abs(testBatch[i] - running[i]) < 0.01 } else { return false }
        }.map { "\(categories[$0]) (\(f(testBatch[$0])))" }
        figure.caption = "Test accuracy on \(settings.testExamples) Fashion-MNIST test images of the same trained "
            + "nets (\(seedCount == 1 ? "one seed" : "mean over \(seedCount) seeds")), scored in consecutive batches "
            + "of 1, 8, 100 and \(settings.referenceSize) images and in batches of 100 images of a single class, "
            + "with BN normalising by the running averages from training or by each test batch's own mean and "
            + "variance. Look for: the running-average bars all have the same height "
            + "(\(f(running[ref]))\(spread > 0 ? ", spread \(NumberFormat.format(spread, significant: 2))" : "")); "
            + (matching.isEmpty ? "the test-batch bars never come within 0.01 of them, drop at 8"
                : "the test-batch bars come within 0.01 of them only for mixed batches of "
                    + matching.joined(separator: " and ") + ", drop at 8")
            + " (\(f(testBatch[index(.consecutive(8))]))), fall to "
            + "chance at 1 (\(f(testBatch[index(.consecutive(1))])): every image gets the same scores) and collapse in "
            + "single-class batches (\(f(testBatch[index(.classSorted(100))]))), where normalising removes exactly "
            + "what the batch has in common."
        return figure
    }
}
