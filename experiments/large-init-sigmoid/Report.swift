import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

extension LargeInitSigmoid {
    static func f(_ x: Double) -> String { NumberFormat.format(x, significant: 3) }
    static func meanStd(_ m: LegacyEvidence.Metric) -> String {
        NumberFormat.format(mean: m.summary.mean, std: m.summary.standardDeviation, significant: 3)
    }
    static func percent(_ m: LegacyEvidence.Metric) -> String { NumberFormat.percent(m.summary.mean) }
    static func mean(_ m: LegacyEvidence.Metric) -> String { f(m.summary.mean) }

    /// |a| beyond which σ(a) < 0.03 or > 0.97: ln(0.97/0.03).
    static let saturationBoundary = Foundation.log(0.97 / 0.03)

    static func report(_ results: [SeedResult], evidence: LegacyEvidence, settings: Settings, seeds: [Int]) -> LegacyClaimReport {
        let low = evidence["saturated-large-low"].summary.mean, high = evidence["saturated-large-high"].summary.mean
        let gap = evidence["accuracy-gap"]
        let summary = "On raw Fashion-MNIST pixels in [0, 1], N(0, 1) weights give the 100 sigmoid units "
            + "pre-activations with a standard deviation of \(mean(evidence["preactivation-std-large"])) (analytic "
            + "\(mean(evidence["preactivation-std-large-analytic"]))): \(percent(evidence["saturated-large"])) of "
            + "the outputs are saturated — \(NumberFormat.percent(low)) near 0 and \(NumberFormat.percent(high)) "
            + "near 1 — and the mean σ′ is \(mean(evidence["derivative-mean-large"])). With N(0, 0.1²) weights "
            + "(standard deviation 0.1) the pre-activations' standard deviation is "
            + "\(mean(evidence["preactivation-std-small"])), \(percent(evidence["saturated-small"])) of the outputs "
            + "are saturated and the mean σ′ is \(mean(evidence["derivative-mean-small"])), "
            + "\(meanStd(evidence["derivative-ratio"])) times more. Trained "
            + "with SGD for \(settings.steps) steps the saturated net still learns — to "
            + "\(percent(evidence["accuracy-large"])) test accuracy against \(percent(evidence["accuracy-small"])) — "
            + "because its output layer learns on top of the saturated units, while its hidden weights move only "
            + "‖ΔW₁‖ = \(mean(evidence["weight-change-large"])) against \(mean(evidence["weight-change-small"])) and "
            + "\(percent(evidence["saturated-large-after"])) of its units are still saturated at the end."
        let seedList = seeds.map(String.init).joined(separator: ", ")
        let setup = Table(header: ["part", "data", "network", "init", "optimizer", "steps", "seeds", "precision"], rows: [
            ["at initialisation", "\(settings.probeExamples) Fashion-MNIST training images (a seeded draw), raw "
                + "pixels / 255 in [0, 1]", "784-100-10, sigmoid hidden layer, biases 0",
             "hidden W₁ ~ N(0, 1) or N(0, 0.1²); output layer LeCun N(0, 1/fan_in) in both", "—", "—", seedList,
             "Float32"],
            ["training", "first \(settings.trainingExamples) training images; accuracy on the first "
                + "\(settings.evaluationExamples) test images; raw pixels / 255", "the same", "the same",
             "SGD, η = \(settings.learningRate), batch \(settings.batchSize)", "\(settings.steps)", seedList,
             "Float32"],
        ])
        var report = LegacyClaimReport(
            summary: summary,
            keyNumber: "saturated: \(percent(evidence["saturated-large"])) at N(0, 1) vs "
                + "\(percent(evidence["saturated-small"])) at N(0, 0.1²); mean σ′ ratio "
                + "\(mean(evidence["derivative-ratio"]))",
            setup: setup)
        report.add("preactivation-histograms", preActivationFigure(results, settings: settings, evidence: evidence))
        report.add("sigmoid-derivative", derivativeFigure(results, evidence: evidence))
        report.besideTheOriginal = [
            ("pre-activation std, N(0, 1) / N(0, 0.1²)",
             "CLAIMS.md float64 reference 13.4 / 1.14 (analytic √(784·0.206) ≈ 12.7 for N(0, 1)); the note: "
                + "wx+b spread over −5…5 for N(0, 0.1)",
             "\(meanStd(evidence["preactivation-std-large"])) / \(meanStd(evidence["preactivation-std-small"])) "
                + "(analytic \(mean(evidence["preactivation-std-large-analytic"])) / "
                + "\(mean(evidence["preactivation-std-small-analytic"])))"),
            ("saturated fraction, N(0, 1) / N(0, 0.1²)", "reference 70% / 0%",
             "\(percent(evidence["saturated-large"])) / \(percent(evidence["saturated-small"]))"),
            ("mean σ′, N(0, 1) / N(0, 0.1²)", "reference 0.033 / 0.20",
             "\(meanStd(evidence["derivative-mean-large"])) / \(meanStd(evidence["derivative-mean-small"]))"),
            ("learning with one hidden layer", "CLAIMS.md: learning slows but does not stop",
             "test accuracy \(meanStd(evidence["accuracy-large"])) vs \(meanStd(evidence["accuracy-small"])) after "
                + "\(settings.steps) steps (gap \(meanStd(gap)); \(gap.values.filter { $0 > 0 }.count) of "
                + "\(gap.values.count) seeds favour N(0, 0.1²))"),
            ("where saturation pushes the units", "LeCun et al. (1998) §4.6: weights of std m^(−1/2) keep a "
                + "sigmoid's input in its linear range; larger weights saturate it",
             "\(NumberFormat.percent(low)) of the N(0, 1) outputs below 0.03, \(NumberFormat.percent(high)) above "
                + "0.97"),
        ]
        report.caveats = [
            "**\"N(0, 0.1)\" means a standard deviation of 0.1** (variance 0.01), as in numpy's "
                + "0.1·randn; a variance of 0.1 (std 0.32) would give pre-activations three times wider.",
            "**Saturation goes both ways.** The note says the outputs \"mostly converge to 1\". With zero-mean "
                + "weights the pre-activation a = w·x is as likely negative as positive, so the saturated units "
                + "split between 0 (\(NumberFormat.percent(low))) and 1 (\(NumberFormat.percent(high))); outputs "
                + "pile up at 1 only with positive weights or a positive bias.",
            "**Learning slows; it does not stop.** With a single hidden layer the output layer sees the saturated "
                + "units as nearly binary random features and learns on top of them: after the first "
                + "\(settings.evaluationInterval) steps the two nets are at \(percent(evidence["accuracy-large-early"])) "
                + "and \(percent(evidence["accuracy-small-early"])), and after \(settings.steps) steps the gap is "
                + "\(meanStd(gap)). What the small σ′ suppresses is the hidden layer's own learning: its weights "
                + "move \(f(evidence["weight-change-small"].summary.mean / evidence["weight-change-large"].summary.mean))× "
                + "less than with N(0, 0.1²), and the units stay saturated. The note's \"no learning happens\" "
                + "describes deeper nets, where the small σ′ multiplies from layer to layer (see "
                + "sigmoid-vanishing-gradients).",
            "**The scale depends on the inputs.** The standard deviation of w·x is σ·√E‖x‖²: raw pixels in [0, 1] "
                + "give √E‖x‖² ≈ \(f(evidence["preactivation-std-large-analytic"].summary.mean)); standardised "
                + "inputs would give √784 = 28, saturating N(0, 1) even harder. LeCun's σ = 1/√fan_in = 1/28 would "
                + "give a standard deviation of "
                + "\(f(evidence["preactivation-std-large-analytic"].summary.mean / 28)) here. The output layer starts from LeCun's initialisation in "
                + "both nets, so only the hidden layer's initialisation differs.",
        ]
        return report
    }

    /// Pre-activation histograms (density, mean over seeds) for N(0, 1) and N(0, 0.1²), each in its own panel with
    /// the Gaussian of the analytic std dashed and the saturation boundaries ±3.48.
    static func preActivationFigure(_ results: [SeedResult], settings: Settings, evidence: LegacyEvidence) -> Figure {
        let panels = [
            ("N(0, 1)", settings.large.range, results.map(\.large), evidence["preactivation-std-large-analytic"], 0),
            ("N(0, 0.1²)", settings.small.range, results.map(\.small), evidence["preactivation-std-small-analytic"], 1),
        ].map { (name, range, runs, analytic, slot) -> Figure in
            let histograms = runs.map(\.atInit.preActivation.histogram)
            let width = (range.upperBound - range.lowerBound) / Double(settings.histogramBins)
            let total = Double(histograms[0].counts.reduce(0, +))
            let density = histograms[0].counts.indices.map { i in
                histograms.map { Double($0.counts[i]) }.reduce(0, +) / Double(histograms.count) / (total * width)
            }
            let s = analytic.summary.mean
            let top = 1.15 * Swift.max(density.max()!, 1 / (s * (2 * Double.pi).squareRoot()))
            var panel = Figure(title: "hidden weights \(name)",
                               x: Axis(label: "pre-activation a = w·x", range: .between(range.lowerBound, range.upperBound)),
                               y: Axis(label: "density", range: .between(0, top)))
            panel.add(.band(x: [-saturationBoundary, saturationBoundary], lower: [0, 0], upper: [top, top],
                            label: "|a| < 3.48: not saturated").paletteSlot(6))
            panel.add(.histogram(centres: histograms[0].binCentres, counts: density, width: width,
                                 label: "measured").paletteSlot(slot))
            panel.add(.referenceLine(.function("exp(-x**2/(2*\(s)**2))/(\(s)*sqrt(2*pi))"),
                                     label: "Gaussian, analytic std \(f(s))"))
            panel.legend = .below
            return panel
        }
        var figure = Figure.panels(
            rows: 1, columns: 2, title: "Hidden pre-activations at initialisation (784-100 sigmoid, raw pixels)",
            caption: "Distribution of the 100 hidden units' pre-activations a = w·x over \(settings.probeExamples) "
                + "Fashion-MNIST images (pixels in [0, 1]) at initialisation, as a density (mean over seeds; note "
                + "the different horizontal scales); dashed curve: a Gaussian with the analytic standard deviation "
                + "σ·√E‖x‖² (the measured distribution is more peaked, with heavier tails, because images differ in "
                + "brightness ‖x‖ and each image spreads a with its own width σ·‖x‖); grey band: |a| < ln(0.97/0.03) "
                + "= 3.48, outside which σ(a) < 0.03 or > 0.97 and σ′(a) < 0.03. Look for: with N(0, 1) most of the "
                + "mass lies outside the grey band — the units are saturated, on both sides — while with N(0, 0.1²) "
                + "nearly all of it lies inside.",
            panels)
        figure.size = PixelSize(width: 900, height: 480)
        return figure
    }

    /// The distribution of σ′ over the hidden outputs for both initialisations (fraction per bin, mean over seeds),
    /// with each mean dashed.
    static func derivativeFigure(_ results: [SeedResult], evidence: LegacyEvidence) -> Figure {
        var figure = Figure(
            title: "Local gradient σ′(a) of the hidden units at initialisation",
            caption: "Distribution of σ′(a) = σ(a)(1 − σ(a)) over the hidden outputs at initialisation (fraction of "
                + "unit–image pairs per bin of width 0.01, mean over seeds); dashed verticals: each initialisation's "
                + "mean σ′. Look for: with N(0, 1) most units sit in the leftmost bins — σ′ near 0, they pass back "
                + "almost no gradient — while with N(0, 0.1²) most sit near the maximum 1/4.",
            x: Axis(label: "σ′(a)", range: .between(0, 0.25)),
            y: Axis(label: "fraction of hidden outputs", range: .from(0)))
        for (name, runs, slot) in [("N(0, 1)", results.map(\.large), 0), ("N(0, 0.1²)", results.map(\.small), 1)] {
            let histograms = runs.map(\.atInit.derivative.histogram)
            let total = Double(histograms[0].counts.reduce(0, +))
            let fractions = histograms[0].counts.indices.map { i in
                histograms.map { Double($0.counts[i]) }.reduce(0, +) / Double(histograms.count) / total
            }
            figure.add(.histogram(centres: histograms[0].binCentres, counts: fractions, label: "weights \(name)")
                .paletteSlot(slot))
        }
        let large = evidence["derivative-mean-large"].summary.mean, small = evidence["derivative-mean-small"].summary.mean
        figure.add(.referenceLine(.vertical(x: large), label: "mean, N(0, 1): \(f(large))"))
        figure.add(.referenceLine(.vertical(x: small), label: "mean, N(0, 0.1²): \(f(small))"))
        figure.legend = .topRight
        return figure
    }
}
