import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

extension XavierVsHeReLU {
    static func f(_ x: Double) -> String { NumberFormat.format(x, significant: 3) }
    static func meanStd(_ m: LegacyEvidence.Metric) -> String {
        NumberFormat.format(mean: m.summary.mean, std: m.summary.standardDeviation, significant: 3)
    }
    /// "a–b" over the seeds ("a" for one seed).
    static func range(_ m: LegacyEvidence.Metric) -> String {
        let (low, high) = (f(m.summary.minimum), f(m.summary.maximum))
        return low == high ? low : "\(low)–\(high)"
    }

    static func report(_ results: [SeedResult], evidence: LegacyEvidence, settings: Settings, seeds: [Int]) -> LegacyClaimReport {
        let slopeXavier = evidence["slope-xavier"], slopeHe = evidence["slope-he"]
        let xavierLoss = evidence["deep-loss-xavier"], heLoss = evidence["deep-loss-he"]
        let gradientXavier0 = evidence["first-layer-gradient-initial-xavier"].summary.mean
        let gradientHe0 = evidence["first-layer-gradient-initial-he"].summary.mean
        let xavierStalls = xavierLoss.values.allSatisfy { $0 > 2.2 }
        let heTrains = heLoss.values.allSatisfy { $0 < 1.2 }
        let summary = "At initialisation, log₂ of the mean squared activation E[h²] of a \(settings.signalDepth) × "
            + "\(settings.signalWidth) ReLU net changes by \(meanStd(slopeXavier)) per layer with Xavier weights "
            + "N(0, 1/fan_in) — E[h²] halves at every layer, leaving an rms of "
            + "\(f(evidence["rms-xavier-last"].summary.mean)) at layer \(settings.signalDepth) — and by "
            + "\(meanStd(slopeHe)) per layer with He weights N(0, 2/fan_in) (rms "
            + "\(f(evidence["rms-he-last"].summary.mean)) at layer \(settings.signalDepth)). Trained with SGD and momentum, a \(settings.deepDepth) "
            + "× \(settings.deepWidth) ReLU net with Xavier weights "
            + (xavierStalls ? "stays at the chance loss (\(range(xavierLoss)), ln 10 = 2.303) at every learning rate "
                + "tried, " : "reaches a lowest loss of \(range(xavierLoss)) over the learning rates, ")
            + "while with He weights it reaches \(meanStd(heLoss)) in \(settings.steps) steps; at the first step "
            + "Xavier's first layer gets a gradient \(f(gradientHe0 / gradientXavier0))× smaller than He's."
        let seedList = seeds.map(String.init).joined(separator: ", ")
        let setup = Table(header: ["part", "data", "network", "init", "optimizer", "steps", "seeds", "precision"], rows: [
            ["signal at initialisation", "\(settings.signalBatch) Fashion-MNIST training images (a seeded draw), "
                + "scalar-standardised", "784-[\(settings.signalWidth)]×\(settings.signalDepth)-10 ReLU, biases 0",
             "Xavier (CS231n) = LeCun N(0, 1/fan_in); He N(0, 2/fan_in); control N(0, 1/fan_in) as \"He\"",
             "— (one forward pass)", "—", seedList, "Float32"],
            ["training (He et al. Fig. 3)", "first \(settings.trainingExamples) Fashion-MNIST training images "
                + "(one epoch), scalar-standardised",
             "784-[\(settings.deepWidth)]×\(settings.deepDepth)-10 ReLU, biases 0", "Xavier; He; control",
             "SGD + momentum \(settings.momentum), batch \(settings.batchSize); Xavier η ∈ "
                + "\(rateList(settings.xavierRates)), He and control η = \(settings.heRate)",
             "\(settings.steps)", seedList, "Float32"],
        ])
        var report = LegacyClaimReport(
            summary: summary,
            keyNumber: "slope of log₂E[h²]: Xavier \(f(slopeXavier.summary.mean)), He \(f(slopeHe.summary.mean)) "
                + "per layer; 30-layer loss \(f(xavierLoss.summary.mean)) vs \(f(heLoss.summary.mean))",
            setup: setup)
        report.add("second-moment-per-layer", secondMomentFigure(results, settings: settings))
        report.add("deep-training-loss", lossFigure(results, settings: settings, xavierStalls: xavierStalls,
                                                     heTrains: heTrains))
        report.add("first-layer-gradient", gradientFigure(results, settings: settings))
        report.besideTheOriginal = [
            ("slope of log₂E[h²] per layer, 10 × 500 ReLU at init",
             "He et al. §2.2: −1 for Var[w] = 1/n, 0 for 2/n; CLAIMS.md float64 reference (randn inputs): Xavier "
                + "−0.99, He ≈ 0",
             "Xavier \(meanStd(slopeXavier)), He \(meanStd(slopeHe))"),
            ("rms activation, Xavier, layer 1 → layer 10", "reference 0.707 → 0.032; He ≈ 1.0 throughout",
             "\(f(evidence["rms-xavier-1"].summary.mean)) → \(f(evidence["rms-xavier-last"].summary.mean)); He "
                + "\(f(evidence["rms-he-last"].summary.mean)) at layer \(settings.signalDepth)"),
            ("30-layer net, Xavier vs He",
             "He et al. Fig. 3 (30-layer convolutional net, ImageNet): Xavier \"completely stalls\", He converges",
             xavierStalls && heTrains ? "Xavier stalls at chance at every η, He trains" : "see the check"),
            ("30 × 128 ReLU MLP, final training loss",
             "CLAIMS.md reference after 600 steps: Xavier 2.29–2.30 at η = 0.003, 0.01, 0.03; He 0.59–0.60",
             "after \(settings.steps) steps: Xavier \(range(xavierLoss)) (lowest over η); He "
                + "\(meanStd(heLoss))"),
            ("‖∂L/∂W₁‖ at the first step, He / Xavier",
             "He et al. §2.2, backward case: each of the \(settings.deepDepth) weight layers above W₁ passes back "
                + "half as much gradient variance with Xavier as with He, a ratio of 2^(\(settings.deepDepth)/2) ≈ "
                + "\(f(Foundation.pow(2, Double(settings.deepDepth) / 2)))",
             f(gradientHe0 / gradientXavier0)),
            ("‖∂L/∂W₁‖ during training", "CLAIMS.md reference: Xavier ≈ 9e-5, He ≈ 3",
             settings.xavierRates.map { "Xavier η = \($0): \(f(evidence["first-layer-gradient-xavier-\($0)"].summary.mean))" }
                .joined(separator: "; ") + "; He \(f(evidence["first-layer-gradient-he"].summary.mean)) "
                + "(mean over the last \(DeepTraining.finalWindow) steps)"),
        ]
        let xavierRuns = results.flatMap(\.xavierRuns)
        let growing = xavierRuns.filter { run in
            guard let first = run.firstLayerGradientNorms.first else { return false }
            return run.finalFirstLayerGradientNorm > 3 * first
        }.count
        let horizon = growing == 0 ? ""
            : " The stall is measured over \(settings.steps) steps: in \(growing) of the \(xavierRuns.count) Xavier "
                + "runs (seeds × learning rates) the first layer's gradient grew more than threefold during the run "
                + "(Figure 3), so those nets may yet start to learn later — He et al.'s \"completely stalls\" is "
                + "also a statement about their training horizon."
        report.caveats = [
            "**Which \"Xavier\".** CS231n's \"Xavier\" is w = randn(fan_in, fan_out)/√fan_in, i.e. LeCun's "
                + "N(0, 1/fan_in) (the engine's `lecunNormal`), and that is what is measured here. Glorot & Bengio's "
                + "own normal form has variance 2/(fan_in + fan_out), which equals 1/fan_in for the square "
                + "500 → 500 layers and differs only in the first layer, so it halves E[h²] per layer in the same "
                + "way.",
            "**What \"breaks\" means.** Nothing diverges: with Xavier each ReLU layer keeps half of E[h²] in "
                + "expectation, so the signal shrinks geometrically, 2⁻ˡ after l layers. Ten layers cost a factor of "
                + "about a thousand in E[h²]; thirty layers leave the output nearly independent of the input, the "
                + "softmax predicts the class frequencies and the gradient reaching the first layer is tiny. He et "
                + "al.'s 22-layer comparison (their Fig. 2) converges with both initialisations, Xavier later: the "
                + "failure needs depth." + horizon,
            "**\"He\" without its factor 2** is N(0, 1/fan_in), the same distribution as Xavier, drawn "
                + "independently here; it fails exactly like Xavier, which is the point: the factor 2 compensates "
                + "for ReLU setting half of the pre-activations to zero, which halves E[h²].",
            "**Optimizer and length.** SGD with momentum, as in He et al.; Adam rescales every parameter's step by "
                + "its own gradient scale and would hide much of the difference (not measured here). To fit the "
                + "time budget the 30-layer nets train for \(settings.steps) steps (one epoch of "
                + "\(settings.trainingExamples) images) instead of CLAIMS.md's 600, and He is trained at one rate, "
                + "η = \(settings.heRate), the best of the grid in a pilot run; Xavier gets every rate of the grid, "
                + "so its stall is not a matter of the learning rate. He's loss is still falling at the last step.",
            "**Setup differences.** He et al. used 30-layer convolutional nets on ImageNet; this is a 30-layer MLP "
                + "on Fashion-MNIST with biases 0 and no normalisation, so step counts and losses are not comparable "
                + "with the paper, only the contrast.",
        ]
        return report
    }

    static let xavierSlots = [0, 4, 5]
    static let heSlot = 2

    /// log₂E[h_l²] against l (0 = the input) for Xavier and He, mean over seeds with a min–max band, and the
    /// theoretical lines through the input's second moment.
    static func secondMomentFigure(_ results: [SeedResult], settings: Settings) -> Figure {
        let depth = settings.signalDepth
        let layers = (0...depth).map(Double.init)
        let inputLevel = Foundation.log2(results.map { $0.signals[.xavier]!.inputSecondMoment }.reduce(0, +)
                                         / Double(results.count))
        var figure = Figure(
            title: "Mean squared activation per layer at initialisation (\(depth) × \(settings.signalWidth) ReLU)",
            caption: "log₂E[h_l²], the mean squared output of ReLU layer l (l = 0: the standardised input), on "
                + "\(settings.signalBatch) Fashion-MNIST images at initialisation; line: mean over seeds"
                + (results.count > 1 ? ", band: min–max over seeds" : "") + "; dashed: He et al.'s prediction "
                + "E[h_l²] = ½·fan_in·Var[w]·E[h_{l−1}²] from the input's value. Look for: with Xavier weights the "
                + "line falls by one unit per layer — E[h²] halves at every ReLU layer — while with He weights it "
                + "stays level.",
            x: Axis(label: "layer l (0 = input)", range: .between(-0.3, Double(depth) + 0.3)),
            y: Axis(label: "log₂ E[h_l²]"))
        for (scheme, slot) in [(WeightScheme.xavier, 0), (.he, heSlot)] {
            let perSeed = results.map { [$0.signals[scheme]!.inputSecondMoment] + $0.signals[scheme]!.secondMoments }
                .map { $0.map { Foundation.log2($0) } }
            if perSeed.count > 1 {
                figure.add(.band(x: layers, lower: layers.indices.map { l in perSeed.map { $0[l] }.min()! },
                                 upper: layers.indices.map { l in perSeed.map { $0[l] }.max()! }, label: nil)
                    .paletteSlot(slot))
            }
            figure.add(.linePoints(x: layers, y: mean(perSeed), label: scheme.label).paletteSlot(slot))
        }
        figure.add(.referenceLine(.segment(from: (x: 0, y: inputLevel), to: (x: Double(depth), y: inputLevel - Double(depth))),
                                  label: "theory, Xavier: slope −1"))
        figure.add(.referenceLine(.horizontal(y: inputLevel), label: "theory, He: slope 0"))
        figure.legend = .bottomLeft
        return figure
    }

    /// The mean over seeds of equally long series (`values[seed][k]`).
    static func mean(_ values: [[Double]]) -> [Double] {
        values[0].indices.map { k in values.map { $0[k] }.reduce(0, +) / Double(values.count) }
    }

    /// One run's series averaged over windows of `settings.plotWindow` steps, for each seed: (steps, mean, min, max)
    /// over the seeds whose run reached that window (a diverged run stops early).
    static func windowedOverSeeds(_ series: [[Double]], window: Int)
        -> (steps: [Double], mean: [Double], lower: [Double], upper: [Double]) {
        let windowed = series.map { DeepTraining.windowed($0, window: window) }
        let count = windowed.map(\.count).max() ?? 0
        var steps: [Double] = [], means: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for k in 0..<count {
            let values = windowed.filter { $0.count > k }.map { $0[k].value }
            steps.append(Double(windowed.first { $0.count > k }![k].step))
            means.append(values.reduce(0, +) / Double(values.count))
            lower.append(values.min()!)
            upper.append(values.max()!)
        }
        return (steps, means, lower, upper)
    }

    /// The runs of the figures, in legend order: Xavier at each rate, then He.
    static func plottedRuns(_ results: [SeedResult], settings: Settings)
        -> [(label: String, slot: Int, runs: [DeepTraining], band: Bool)] {
        settings.xavierRates.indices.map { i in
            ("Xavier, η = \(settings.xavierRates[i])", xavierSlots[i % xavierSlots.count], results.map { $0.xavierRuns[i] },
             false)
        } + [("He, η = \(settings.heRate)", heSlot, results.map(\.heRun), results.count > 1)]
    }

    /// Training loss against step for the 30-layer net (He et al. 2015, Fig. 3).
    static func lossFigure(_ results: [SeedResult], settings: Settings, xavierStalls: Bool, heTrains: Bool) -> Figure {
        var figure = Figure(
            title: "Training a \(settings.deepDepth) × \(settings.deepWidth) ReLU net (He et al. 2015, Fig. 3)",
            caption: "Training loss (cross-entropy, mean of the batch losses over windows of \(settings.plotWindow) "
                + "steps, mean over seeds\(results.count > 1 ? "; band around He: min–max over seeds" : "")) of a "
                + "\(settings.deepDepth)-layer ReLU MLP on Fashion-MNIST, SGD with momentum \(settings.momentum), "
                + "batch \(settings.batchSize). Look for: "
                + (xavierStalls ? "every Xavier curve lies on the chance line ln 10 — changing the learning rate does "
                    + "not help — " : "the Xavier curves stay near the chance line ln 10, ")
                + (heTrains ? "while the He curve falls steadily from the first steps."
                    : "while the He curve falls below them."),
            x: Axis(label: "training step", range: .between(0, Double(settings.steps))),
            y: Axis(label: "training loss", range: .between(0, 2.6)))
        for plotted in plottedRuns(results, settings: settings) {
            let w = windowedOverSeeds(plotted.runs.map(\.losses), window: settings.plotWindow)
            if plotted.band {
                figure.add(.band(x: w.steps, lower: w.lower, upper: w.upper, label: nil).paletteSlot(plotted.slot))
            }
            figure.add(.line(x: w.steps, y: w.mean, label: plotted.label).paletteSlot(plotted.slot))
        }
        figure.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "ln 10 (chance)"))
        figure.legend = .bottomLeft
        return figure
    }

    /// ‖∂L/∂W₁‖ against step on the same runs, log y.
    static func gradientFigure(_ results: [SeedResult], settings: Settings) -> Figure {
        var dropped = false
        var figure = Figure(
            title: "Gradient reaching the first layer (\(settings.deepDepth) × \(settings.deepWidth) ReLU)",
            x: Axis(label: "training step", range: .between(0, Double(settings.steps))),
            y: Axis(label: "‖∂L/∂W₁‖", scale: .log10))
        for plotted in plottedRuns(results, settings: settings) {
            let w = windowedOverSeeds(plotted.runs.map(\.firstLayerGradientNorms), window: settings.plotWindow)
            let keep = w.steps.indices.filter { w.mean[$0] > 0 && w.lower[$0] > 0 }
            dropped = dropped || keep.count < w.steps.count
            if plotted.band {
                figure.add(.band(x: keep.map { w.steps[$0] }, lower: keep.map { w.lower[$0] },
                                 upper: keep.map { w.upper[$0] }, label: nil).paletteSlot(plotted.slot))
            }
            figure.add(.line(x: keep.map { w.steps[$0] }, y: keep.map { w.mean[$0] }, label: plotted.label)
                .paletteSlot(plotted.slot))
        }
        figure.caption = "Frobenius norm of the first layer's weight gradient in the runs of the previous figure "
            + "(mean over windows of \(settings.plotWindow) steps and over seeds"
            + (results.count > 1 ? "; band around He: min–max over seeds" : "") + "), log scale"
            + (dropped ? "; windows where a run's gradient was exactly 0 are left out" : "")
            + ". Look for: the gap of several orders of magnitude between He and every Xavier curve — the "
            + "backward signal through 30 Xavier-initialised ReLU layers shrinks like the forward one, so the first "
            + "layer hardly moves, whatever the learning rate."
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 480)
        return figure
    }
}
