import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

extension BatchNormStability {
    static func f(_ x: Double) -> String { NumberFormat.format(x, significant: 3) }
    static func meanStd(_ m: LegacyEvidence.Metric) -> String {
        NumberFormat.format(mean: m.summary.mean, std: m.summary.standardDeviation, significant: 3)
    }

    static func report(_ results: [SeedResult], evidence: LegacyEvidence, settings: Settings, seeds: [Int]) -> LegacyClaimReport {
        let first = settings.probeInterval, step = settings.comparisonStep, last = settings.steps
        let earlyBN = evidence["early-accuracy-bn"], earlyBase = evidence["early-accuracy-baseline"]
        let at500BN = evidence["accuracy-bn-500"], at500Base = evidence["accuracy-baseline-500"]
        let finalBN = evidence["accuracy-bn-final"], finalBase = evidence["accuracy-baseline-final"]
        let driftBN = evidence["mean-absolute-drift"], driftBase = evidence["mean-absolute-drift-baseline"]
        let signedBase = evidence["mean-drift-baseline"].summary.mean
        let finalGap = finalBN.summary.mean - finalBase.summary.mean
        let ending = abs(finalGap) < 0.01
            ? "by step \(last) the baseline has caught up (\(f(finalBN.summary.mean)) with BN, \(f(finalBase.summary.mean)) without)"
            : "at step \(last) the nets stand at \(f(finalBN.summary.mean)) with BN and \(f(finalBase.summary.mean)) without"
        let summary = "With batch normalisation a 3×100 sigmoid net trained by SGD averages a test accuracy of "
            + "\(meanStd(earlyBN)) over its first \(step) steps against \(meanStd(earlyBase)) without "
            + "(\(meanStd(at500BN)) vs \(meanStd(at500Base)) at step \(step)); \(ending). Over the \(last) steps the "
            + "median input of the last hidden layer's sigmoids moves by \(meanStd(driftBN)) on average with BN and by "
            + "\(meanStd(driftBase)) without — \(abs(signedBase) > 0.8 * driftBase.summary.mean ? (signedBase < 0 ? "mostly downwards" : "mostly upwards") : "in both directions") — as in Ioffe & "
            + "Szegedy's Fig. 1."
        let seedList = seeds.map(String.init).joined(separator: ", ")
        let setup = Table(header: ["data", "network", "init", "optimizer", "steps", "probes", "seeds", "precision"], rows: [
            ["first \(settings.trainingExamples) Fashion-MNIST training images, scalar-standardised; test accuracy on "
                + "the first \(settings.testExamples) test images; sigmoid inputs on the first \(settings.probeExamples) "
                + "training images",
             "784-[100]×3-10 sigmoid, with BN before each sigmoid or without; a second net without BN as the control",
             "weights N(0, \(f(settings.initialStandardDeviation))²), biases 0, γ = 1, β = 0; BN and baseline share "
                + "their initial weights",
             "SGD, η = \(f(settings.learningRate)), batch \(settings.batchSize), no weight decay; BN momentum 0.9",
             "\(last)",
             "every \(first) steps to step \(settings.denseProbesUntil), then every \(settings.sparseProbeInterval)",
             seedList, "Float32"],
        ])
        let gainKey = NumberFormat.format(earlyBN.summary.mean - earlyBase.summary.mean, significant: 2)
        var report = LegacyClaimReport(
            summary: summary,
            keyNumber: "test accuracy over the first \(step) steps +\(gainKey) with BN; median drift "
                + "\(f(driftBN.summary.mean)) vs \(f(driftBase.summary.mean))",
            setup: setup)
        report.add("fig1-accuracy-and-percentiles", paperFigure(results, evidence: evidence, settings: settings))
        report.add("median-drift", driftFigure(results, evidence: evidence, settings: settings))

        let unit = typicalUnit(results[0])
        func describe(_ run: StabilityRun) -> String {
            let start = run.percentiles[0][unit], end = run.percentiles.last![unit]
            return "median \(f(start.median)) → \(f(end.median)), 15–85th spread \(f(start.p85 - start.p15)) → "
                + "\(f(end.p85 - end.p15))"
        }
        report.besideTheOriginal = [
            ("test accuracy with and without BN",
             "Ioffe & Szegedy Fig. 1(a) (MNIST, 3×100 sigmoid, batch 60, 50 000 steps): the BN net has the higher test "
                + "accuracy and gets there faster. CLAIMS.md float64 reference on Fashion-MNIST: 0.79–0.80 with BN vs "
                + "0.70 without at step 500",
             "\(meanStd(at500BN)) with BN vs \(meanStd(at500Base)) without at step \(step); mean over steps "
                + "\(first)–\(step): \(meanStd(earlyBN)) vs \(meanStd(earlyBase)); step \(last): "
                + "\(meanStd(finalBN)) vs \(meanStd(finalBase))"),
            ("one typical last-layer sigmoid input over training",
             "Fig. 1(b, c): without BN its distribution changes significantly in mean and variance; with BN it is "
                + "much more stable",
             "unit \(unit + 1), seed \(seeds[0]): without BN \(describe(results[0].baseline)); with BN "
                + "\(describe(results[0].batchNorm))"),
            ("median drift over the layer's units",
             "CLAIMS.md reference: the median input drifts from about 0.2 to −1.4…−2.1 without BN and stays within "
                + "±0.5 with BN",
             "mean signed drift \(meanStd(evidence["mean-drift-baseline"])) without BN, "
                + "\(meanStd(evidence["mean-drift-bn"])) with; mean |drift| \(meanStd(driftBase)) vs \(meanStd(driftBN))"),
        ]
        let besideShift = evidence["drift-beside-shift-bn"].summary.mean
        let single = evidence["accuracy-gain-500"].values
        let controlSingle = results.map { $0.replicate.accuracy(atStep: step) - $0.baseline.accuracy(atStep: step) }
        let largestNoise = controlSingle.map(abs).max()!
        report.caveats = [
            "**Faster, not necessarily better, here.** BN's advantage in this run is speed: \(ending). Ioffe & "
                + "Szegedy trained for 50 000 steps on MNIST and report the BN net ahead at the end as well; this "
                + "experiment stops at \(last) steps on Fashion-MNIST, so it says nothing about the end of a long run.",
            "**Why the rule averages probes.** One probe of test accuracy is noisy under SGD at η = "
                + "\(f(settings.learningRate)): at step \(step) the single-probe gain of BN ranges "
                + "\(f(single.min()!))–\(f(single.max()!)) over the seeds, and two nets *without* BN differ by up "
                + "to \(f(largestNoise)) at that one step. CLAIMS.md's single-probe rule (gain > 0.05 at step 500) "
                + "would therefore sit inside the noise; the mean over the ten probes up to step \(step) does not.",
            "**The BN net's distribution still moves a little.** BN fixes the mean and variance of x̂ over each "
                + "batch, not its median, and the sigmoid's input is γ·x̂ + β with γ and β learned. So the median can "
                + "still move: by \(meanStd(evidence["mean-absolute-drift"])) on average here, of which "
                + (besideShift < 0.35 * driftBN.summary.mean
                    ? "the learned shift β accounts for most (|drift − β| = \(meanStd(evidence["drift-beside-shift-bn"]))). "
                    : besideShift > 0.7 * driftBN.summary.mean
                    ? "the learned shift β accounts for little (|drift − β| = \(meanStd(evidence["drift-beside-shift-bn"]))): "
                        + "the distribution's shape changes, moving its median relative to its mean. "
                    : "the learned shift β accounts for part (|drift − β| = \(meanStd(evidence["drift-beside-shift-bn"]))); "
                        + "the rest is the distribution's shape changing, which moves its median relative to its mean. ")
                + "What BN removes is the large drift caused by the layers below changing.",
            "**How the BN net is probed.** Its sigmoid inputs are computed on a copy of the network in the training "
                + "phase, normalised with the statistics of the \(settings.probeExamples) probe images (≈ population "
                + "statistics). The running averages would be meaningless at step 0 (they start at 0 and 1) and a "
                + "training-phase pass through the trained net itself would disturb them. Test accuracy uses the "
                + "evaluation phase (running averages), as Algorithm 2 prescribes.",
            "**Correlation, not mechanism.** The run shows that BN both stabilises the sigmoid inputs and speeds up "
                + "training; it does not show that the first causes the second. Santurkar et al. (2018) argue that "
                + "BN helps mainly by smoothing the loss landscape, not by reducing \"internal covariate shift\".",
            "**\"Gaussian range\".** BN fixes the first two moments of each unit's input over a batch; it does not "
                + "make the distribution Gaussian (the percentile bands in Fig. 1(c) need not be symmetric about the "
                + "median).",
        ]
        return report
    }

    static let bnSlot = 0, baselineSlot = 1

    /// Mean over seeds at each probe (all seeds share the probe steps unless one diverged: then NaN).
    static func meanOverSeeds(_ series: [[Double]]) -> [Double] {
        let count = series.map(\.count).min()!
        return (0..<count).map { k in series.map { $0[k] }.reduce(0, +) / Double(series.count) }
    }

    /// The unit of the last hidden layer the percentile panels follow: the unit whose baseline |median drift| is
    /// the median over the 100 units of seed 0 — a typical unit, chosen by a rule rather than by eye. BN and
    /// baseline start from the same weights, so the same index is the same unit at step 0.
    static func typicalUnit(_ result: SeedResult) -> Int {
        let drift = result.baseline.medianDrift.map(abs)
        let ranked = drift.indices.sorted { drift[$0] < drift[$1] }
        return ranked[ranked.count / 2]
    }

    /// Ioffe & Szegedy's Fig. 1: (a) test accuracy against step, (b, c) the 15/50/85th percentiles of one sigmoid
    /// input without and with BN.
    static func paperFigure(_ results: [SeedResult], evidence: LegacyEvidence, settings: Settings) -> Figure {
        let steps = results[0].baseline.steps.map(Double.init)
        let lastStep = Double(settings.steps)
        var accuracy = Figure(title: "(a) test accuracy",
                              x: Axis(label: "training step", range: .between(0, lastStep)),
                              y: Axis(label: "test accuracy", range: .between(0, 1)))
        for (name, slot, run) in [("with BN", bnSlot, { (r: SeedResult) in r.batchNorm }),
                                  ("without BN", baselineSlot, { (r: SeedResult) in r.baseline })] {
            let curves = results.map { run($0).testAccuracy }
            let x = Array(steps.prefix(curves.map(\.count).min()!))
            if results.count > 1 {
                accuracy.add(.band(x: x, lower: x.indices.map { k in curves.map { $0[k] }.min()! },
                                   upper: x.indices.map { k in curves.map { $0[k] }.max()! }, label: nil)
                    .paletteSlot(slot))
            }
            accuracy.add(.line(x: x, y: meanOverSeeds(curves), label: name).paletteSlot(slot))
        }
        accuracy.legend = .below

        let unit = typicalUnit(results[0])
        let runs = [results[0].baseline, results[0].batchNorm]
        let all = runs.flatMap { $0.percentiles.flatMap { [$0[unit].p15, $0[unit].p85] } }.filter(\.isFinite)
        let low = (all.min()! - 0.3).rounded(.down), high = (all.max()! + 0.3).rounded(.up)
        let panelSpecs = [("(b) without BN", runs[0], baselineSlot), ("(c) with BN", runs[1], bnSlot)]
        let panels = panelSpecs.map { title, run, slot -> Figure in
            var panel = Figure(title: title, x: Axis(label: "training step", range: .between(0, lastStep)),
                               y: Axis(label: "sigmoid input, unit \(unit + 1)", range: .between(low, high)))
            let x = run.steps.map(Double.init)
            panel.add(.band(x: x, lower: run.percentiles.map { $0[unit].p15 },
                            upper: run.percentiles.map { $0[unit].p85 }, label: "15th–85th percentile")
                .paletteSlot(slot))
            panel.add(.line(x: x, y: run.percentiles.map { $0[unit].p15 }, label: nil)
                .paletteSlot(slot))
            panel.add(.line(x: x, y: run.percentiles.map { $0[unit].median }, label: "median")
                .paletteSlot(slot))
            panel.add(.line(x: x, y: run.percentiles.map { $0[unit].p85 }, label: nil)
                .paletteSlot(slot))
            panel.legend = .below
            return panel
        }
        func change(_ run: StabilityRun) -> String {
            let start = run.percentiles[0][unit], end = run.percentiles.last![unit]
            let (w0, w1) = (start.p85 - start.p15, end.p85 - end.p15)
            let width = w1 > 1.25 * w0 ? "the 15–85th band widens from \(f(w0)) to \(f(w1))"
                : w1 < 0.8 * w0 ? "the 15–85th band narrows from \(f(w0)) to \(f(w1))"
                : "the 15–85th band keeps its width (\(f(w0)) → \(f(w1)))"
            return "the median moves from \(f(start.median)) to \(f(end.median)) and \(width)"
        }
        let earlyBN = evidence["early-accuracy-bn"].summary.mean, earlyBase = evidence["early-accuracy-baseline"].summary.mean
        let finalGap = evidence["accuracy-bn-final"].summary.mean - evidence["accuracy-baseline-final"].summary.mean
        let seedNote = results.count > 1 ? "; line: mean over \(results.count) seeds, band: min–max over seeds" : ""
        var figure = Figure.panels(
            rows: 1, columns: 3, title: "Ioffe & Szegedy (2015) Fig. 1 on Fashion-MNIST: 3×100 sigmoid, SGD",
            caption: "(a) Test accuracy on \(settings.testExamples) Fashion-MNIST test images against SGD step, with "
                + "BN (solid) and without (dashed)\(seedNote). (b, c) Seed 0: the 15th, 50th and 85th percentiles of the "
                + "input of unit \(unit + 1) of the last hidden layer over \(settings.probeExamples) fixed training "
                + "images, (b) without BN and (c) with BN; both nets start from the same weights, and unit "
                + "\(unit + 1) is the unit whose median drift without BN is the median over the layer's 100 units. "
                + "Look for: the BN curve rises "
                + (earlyBN > earlyBase ? "faster" : "no faster")
                + " (mean accuracy over steps \(settings.probeInterval)–\(settings.comparisonStep): \(f(earlyBN)) vs "
                + "\(f(earlyBase)))"
                + (abs(finalGap) < 0.01 ? " and the baseline catches up later" : "")
                + "; without BN \(change(runs[0])), with BN \(change(runs[1])).",
            [accuracy] + panels)
        figure.size = PixelSize(width: 1020, height: 430)
        return figure
    }

    /// The drift of every unit's median: a histogram over units and seeds at the end, and the mean |drift| over
    /// training.
    static func driftFigure(_ results: [SeedResult], evidence: LegacyEvidence, settings: Settings) -> Figure {
        let bn = results.flatMap(\.batchNorm.medianDrift).filter(\.isFinite)
        let baseline = results.flatMap(\.baseline.medianDrift).filter(\.isFinite)
        let all = bn + baseline
        let low = (all.min()! * 4).rounded(.down) / 4, high = max((all.max()! * 4).rounded(.up) / 4, low + 0.25)
        let binWidth = 0.125
        let binCount = Int(((high - low) / binWidth).rounded(.up))
        let edges = (0...binCount).map { low + Double($0) * binWidth }
        func counts(_ values: [Double]) -> [Double] {
            let histogram = Histogram(values, bins: binCount, range: low...edges.last!)
            return histogram.counts.map(Double.init)
        }
        var histogram = Figure(title: "per-unit median drift, step 0 → \(settings.steps)",
                               x: Axis(label: "median(end) − median(step 0) of a unit's sigmoid input"),
                               y: Axis(label: "units (all seeds)", range: .from(0)))
        histogram.add(.histogram(binEdges: edges, counts: counts(bn), label: "with BN").paletteSlot(bnSlot))
        histogram.add(.histogram(binEdges: edges, counts: counts(baseline), label: "without BN")
            .paletteSlot(baselineSlot))
        histogram.add(.referenceLine(.vertical(x: 0), label: nil))
        histogram.legend = .below

        let steps = results[0].baseline.steps.map(Double.init)
        var overTime = Figure(title: "mean |median drift| over the 100 units",
                              x: Axis(label: "training step", range: .between(0, Double(settings.steps))),
                              y: Axis(label: "mean |median(t) − median(0)|", range: .from(0)))
        for (name, slot, run) in [("with BN", bnSlot, { (r: SeedResult) in r.batchNorm }),
                                  ("without BN", baselineSlot, { (r: SeedResult) in r.baseline })] {
            let curves = results.map { run($0).meanAbsoluteDriftOverTraining }
            let x = Array(steps.prefix(curves.map(\.count).min()!))
            if results.count > 1 {
                overTime.add(.band(x: x, lower: x.indices.map { k in curves.map { $0[k] }.min()! },
                                   upper: x.indices.map { k in curves.map { $0[k] }.max()! }, label: nil)
                    .paletteSlot(slot))
            }
            overTime.add(.line(x: x, y: meanOverSeeds(curves), label: name).paletteSlot(slot))
        }
        overTime.legend = .below
        let downwards = Double(baseline.filter { $0 < 0 }.count) / Double(max(baseline.count, 1))
        let direction = downwards >= 0.9 ? "nearly all downwards (\(NumberFormat.percent(downwards, decimals: 0)) of them)"
            : downwards <= 0.1 ? "nearly all upwards (\(NumberFormat.percent(1 - downwards, decimals: 0)) of them)"
            : "in both directions (\(NumberFormat.percent(downwards, decimals: 0)) downwards)"
        let seedNote = results.count > 1 ? " (line: mean over seeds, band: min–max)" : ""
        var figure = Figure.panels(
            rows: 1, columns: 2, title: "Drift of the median sigmoid input, all 100 units of the last hidden layer",
            caption: "Left: for every unit of the last hidden layer (\(StabilityRun.width) units × \(results.count) "
                + "seed\(results.count == 1 ? "" : "s")), the median of its sigmoid input over \(settings.probeExamples) "
                + "fixed training images at step \(settings.steps) minus the median at step 0. Right: the mean over the "
                + "units of |median(t) − median(0)| against step\(seedNote). Look for: without BN the medians move by "
                + "\(f(evidence["mean-absolute-drift-baseline"].summary.mean)) on average, \(direction); with BN by "
                + "\(f(evidence["mean-absolute-drift"].summary.mean)).",
            [histogram, overTime])
        figure.size = PixelSize(width: 900, height: 440)
        return figure
    }
}
