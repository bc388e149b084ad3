import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

extension BatchNormHigherLearningRate {
    static func f(_ x: Double) -> String { NumberFormat.format(x, significant: 3) }
    static func meanStd(_ m: LegacyEvidence.Metric) -> String {
        NumberFormat.format(mean: m.summary.mean, std: m.summary.standardDeviation, significant: 3)
    }
    /// "0.1–0.178" (the range over seeds) or "0.1" when every seed agrees; "none" when no seed has a value.
    static func range(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "none" }
        let text = low == high ? f(low) : "\(f(low))–\(f(high))"
        return finite.count == values.count ? text : "\(text) (\(values.count - finite.count) seed(s): none)"
    }

    /// The median of `values` with NaN (a diverged run) counted as +∞; NaN when the median itself is a diverged run.
    static func medianLoss(_ values: [Double]) -> Double {
        let sorted = values.map { $0.isNaN ? Double.infinity : $0 }.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return median.isFinite ? median : .nan
    }

    static func report(_ results: [SeedResult], evidence: LegacyEvidence, settings: Settings, seeds: [Int]) -> LegacyClaimReport {
        let ratio = evidence["largest-rate-ratio"], baseline = evidence["largest-rate-baseline"]
        let batchNorm = evidence["largest-rate-bn"], diverging = evidence["diverging-rate-baseline"]
        let bestBaseline = evidence["best-loss-baseline"], bestBN = evidence["best-loss-bn"]
        let identity = results.map(\.identity.largestTrainingRate)
        let controlRatio = results.map { $0.identity.largestTrainingRate / $0.baseline.largestTrainingRate }
        let bnDiverged = results.map { $0.batchNorm.runs.filter(\.diverged).count }.reduce(0, +)
        let runsPerArm = results.count * settings.learningRates.count
        let shape = "\(settings.shape.depth)×\(settings.shape.width)"
        let summary = "With plain SGD the \(shape) ReLU net without batch norm still trains (final loss < 1) up to "
            + "η = \(range(baseline.values)) and diverges from η = \(range(diverging.values)) on; with batch norm it "
            + "trains up to η = \(range(batchNorm.values)) — \(range(ratio.values))× higher (range over seeds "
            + "\(seeds.map(String.init).joined(separator: ", "))). Replacing batch norm by the identity in the same "
            + "runs brings the limit back to η = \(range(identity)) (ratio \(range(controlRatio))). At its own best "
            + "rate batch norm reaches a final loss of \(meanStd(bestBN)), against \(meanStd(bestBaseline)) "
            + "without: a wider range of usable learning rates, not a much better optimum."
        let seedText = seeds.map(String.init).joined(separator: ", ")
        let grid = settings.learningRates
        let setup = Table(header: ["data", "network", "init", "optimizer", "steps", "seeds", "precision"], rows: [
            ["first \(settings.examples) Fashion-MNIST training images, scalar-standardised, reshuffled every epoch",
             "784-[\(settings.shape.width)]×\(settings.shape.depth)-10 ReLU; with batch norm: Linear → BatchNorm → "
                + "ReLU in every hidden layer; without: Linear → ReLU",
             "He N(0, 2/fan_in), biases 0; the same weights and batch order at every learning rate of one arm",
             "plain SGD, batch \(settings.batchSize), η on a grid of \(grid.count) rates, four per decade, "
                + "\(f(grid.first!)) to \(f(grid.last!))",
             "\(settings.steps); final loss = mean mini-batch loss over the last \(settings.tail); a NaN or ∞ loss "
                + "stops the run as diverged", seedText, "Float32"],
        ])
        var report = LegacyClaimReport(summary: summary,
                                 keyNumber: "largest trainable SGD rate \(range(baseline.values)) without BN, "
                                     + "\(range(batchNorm.values)) with (×\(range(ratio.values)))",
                                 setup: setup)
        report.add("final-loss-vs-learning-rate", lossFigure(results, settings: settings))
        report.extraSections = [("Final loss per learning rate", [.table(lossTable(results, settings: settings))])]
        report.besideTheOriginal = [
            ("largest learning rate with final loss < 1 (\(shape) ReLU, plain SGD, \(settings.steps) steps)",
             "CLAIMS.md float64 reference on a half-decade grid: 0.3 without batch norm (1.0 diverges), 3.0 with — "
                + "a ratio of 10",
             "\(range(baseline.values)) without, \(range(batchNorm.values)) with (ratio \(range(ratio.values)); "
                + "grid four per decade, batch \(settings.batchSize))"),
            ("how much higher", "Ioffe & Szegedy (2015) §4.2.2: BN-Inception trained with its initial learning rate "
                + "raised 5× (BN-x5) and 30× (BN-x30) over Inception's; BN-x5 reached Inception's 72.2% accuracy in "
                + "about 14× fewer steps (ImageNet, with other changes such as removing dropout)",
             "batch norm trains at \(range(ratio.values))× the plain net's largest rate"),
        ]
        report.caveats = [
            "**Why batch norm tolerates larger steps.** A batch-normalised layer's output does not change when its "
                + "weights are scaled (Ioffe & Szegedy §3.3: BN(Wu) = BN((aW)u)), and its weight gradient shrinks as "
                + "1/a. A large step grows ‖W‖, which in turn shrinks later steps relative to ‖W‖ — an automatic "
                + "decay of the effective learning rate. The plain net has no such brake: one large step multiplies "
                + "the activations of every following layer, and the loss overflows.",
            "**How batch norm fails at still higher rates.** "
                + (bnDiverged == 0
                    ? "None of the \(runsPerArm) batch-norm runs diverged: beyond its largest working rate the loss "
                        + "does not overflow but stalls near or above chance (ln 10 ≈ 2.30). Batch norm turns a "
                        + "blow-up into a stall; it does not make every learning rate usable."
                    : "\(bnDiverged) of the \(runsPerArm) batch-norm runs diverged; the others beyond its largest "
                        + "working rate stall near or above chance (ln 10 ≈ 2.30)."),
            "**A wider range, not a better optimum.** At each arm's best rate the final losses are close "
                + "(\(meanStd(bestBN)) with, \(meanStd(bestBaseline)) without batch norm after \(settings.steps) "
                + "steps). The lecture's point is the robustness: a learning rate that would blow the plain net up "
                + "is safe with batch norm. The largest working rate also depends on the batch size, the depth and "
                + "the number of steps; the ratio is the number to compare across setups.",
            "**Grid resolution.** The limits are grid points, four per decade, so every rate and ratio here is "
                + "known to within a factor of 1.78; \"trains\" means a final loss below 1, a choice (chance is "
                + "2.30) that matters little where the loss rises steeply, as it does at both limits in the table.",
        ]
        return report
    }

    /// Final loss against learning rate (log–log), without and with batch norm: median over seeds (diverged runs count
    /// as +∞), band min–max of the runs that did not diverge, and a marker at the top edge where any seed diverged.
    static func lossFigure(_ results: [SeedResult], settings: Settings) -> Figure {
        let rates = settings.learningRates
        let arms: [(name: String, slot: Int, sweeps: [LearningRateSweep])] = [
            ("without batch norm", 0, results.map(\.baseline)), ("with batch norm", 1, results.map(\.batchNorm)),
        ]
        let finite = arms.flatMap { $0.sweeps.flatMap { $0.runs.map(\.finalLoss) } }.filter(\.isFinite)
        let largest = finite.max() ?? 1
        // A linear loss axis reads best while the finite losses stay within a few units of chance; a run that ended
        // with a huge but finite loss needs a log axis.
        let logarithmic = largest > 8
        let top = logarithmic ? largest * 4 : (largest * 1.1 + 0.6).rounded(.up)
        let divergedRow = logarithmic ? largest * 2 : top - 0.3
        var figure = Figure(
            title: "Final training loss against learning rate (plain SGD)",
            x: Axis(label: "learning rate η (log scale)", range: .between(rates.first! / 1.5, rates.last! * 1.5),
                    scale: .log10),
            y: logarithmic ? Axis(label: "final training loss (log scale)", range: .between(0.2, top), scale: .log10)
                           : Axis(label: "final training loss", range: .between(0, top)))
        for arm in arms {
            let perRate = rates.indices.map { i in arm.sweeps.map { $0.runs[i].finalLoss } }
            if arm.sweeps.count > 1 {
                let withFinite = rates.indices.filter { perRate[$0].contains(where: \.isFinite) }
                figure.add(.band(x: withFinite.map { rates[$0] },
                                 lower: withFinite.map { perRate[$0].filter(\.isFinite).min()! },
                                 upper: withFinite.map { perRate[$0].filter(\.isFinite).max()! }, label: nil)
                    .paletteSlot(arm.slot))
            }
            figure.add(.linePoints(x: rates, y: perRate.map(medianLoss), label: arm.name).paletteSlot(arm.slot))
            let diverged = rates.indices.filter { perRate[$0].contains(where: \.isNaN) }
            if !diverged.isEmpty {
                figure.add(.points(x: diverged.map { rates[$0] }, y: diverged.map { _ in divergedRow },
                                   label: "\(arm.name): diverged (NaN/∞ loss)").paletteSlot(arm.slot == 0 ? 3 : 5))
            }
        }
        figure.add(.referenceLine(.horizontal(y: LearningRateSweep.trainedLoss), label: "trained: loss < 1"))
        figure.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "chance: ln 10"))
        figure.legend = .below
        figure.size = PixelSize(width: 720, height: 520)
        let seedCount = results.count
        let bnDiverged = results.map { $0.batchNorm.runs.filter(\.diverged).count }.reduce(0, +)
        figure.caption = "The mean mini-batch training loss over the last \(settings.tail) of \(settings.steps) "
            + "plain-SGD steps of a 784-[\(settings.shape.width)]×\(settings.shape.depth)-10 ReLU net, against the learning rate, without and with batch norm; "
            + (seedCount > 1 ? "line: median over \(seedCount) seeds (a diverged run counts as infinite), band: "
                + "min–max over the seeds that did not diverge; " : "one seed; ")
            + "markers at the top edge: at least one seed's loss became NaN or ∞ (the table below gives the counts). "
            + "Look for: the plain net's curve stops where its markers begin (from η = "
            + "\(range(results.map(\.baseline.smallestDivergingRate))) on, SGD diverges), while the batch-norm "
            + "curve stays below the loss-1 line up to η = \(range(results.map(\.batchNorm.largestTrainingRate))) "
            + (bnDiverged == 0 ? "and beyond that rises towards chance instead of diverging."
                               : "before it rises or diverges.")
        return figure
    }

    /// One row per learning rate: median final loss and number of diverged seeds, per arm.
    static func lossTable(_ results: [SeedResult], settings: Settings) -> Table {
        let n = results.count
        let rows = settings.learningRates.indices.map { i -> [String] in
            let cells = [results.map(\.baseline), results.map(\.batchNorm), results.map(\.identity)].flatMap { sweeps in
                let losses = sweeps.map { $0.runs[i].finalLoss }
                let median = medianLoss(losses)
                return [median.isNaN ? "diverged" : f(median), "\(losses.filter(\.isNaN).count) of \(n)"]
            }
            return [f(settings.learningRates[i])] + cells
        }
        return Table(header: ["η", "without BN: median loss", "diverged", "with BN: median loss", "diverged",
                              "control (identity): median loss", "diverged"], rows: rows)
    }
}
