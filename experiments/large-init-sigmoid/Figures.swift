import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine

extension LargeInitSigmoid {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("preactivation-histograms", preActivationFigure(run)),
         NamedFigure("sigmoid-derivative", derivativeFigure(run)),
         NamedFigure("accuracy-during-training", accuracyFigure(run))]
    }

    /// The three hidden initialisations: name, σ, the histogram range, the run per seed, the colour.
    static func arms(_ run: Run<Self>) -> [(name: String, sigma: Double, range: ClosedRange<Double>, runs: [InitialisationRun], arm: Arm)] {
        let s = run.settings
        return [("N(0, 1)", s.large, s.largeRange, run.extra(\.large).map { $0! }, .other(0)),
                ("control: \"N(0, 0.1)\" as variance, std 0.32", s.control, s.controlRange, run.extra(\.control).map { $0! }, .control),
                ("N(0, 0.1²)", s.small, s.smallRange, run.extra(\.small).map { $0! }, .other(1))]
    }

    /// `histograms` averaged over seeds and normalised by `total · width` (a density) or `total` (fractions).
    static func meanFractions(_ histograms: [Histogram], width: Double = 1) -> [Double] {
        let total = Double(histograms[0].counts.reduce(0, +))
        let scale = Double(histograms.count) * total * width
        return histograms[0].counts.indices.map { (i: Int) -> Double in
            histograms.reduce(0.0) { $0 + Double($1.counts[i]) } / scale
        }
    }

    /// Pre-activation densities (mean over seeds), one panel per initialisation, with the density theory predicts
    /// (the mixture over the probe images of N(0, σ²‖x‖²), seed 0's probe) and the saturation cut ±ln(0.97/0.03) shaded.
    static func preActivationFigure(_ run: Run<Self>) -> Figure {
        let theory = run.extra(\.theory)[0]!
        let panels = arms(run).enumerated().map { index, arm -> Figure in
            let histograms = arm.runs.map(\.atInit.preActivation.histogram)
            let width = (arm.range.upperBound - arm.range.lowerBound) / Double(run.settings.histogramBins)
            let density = meanFractions(histograms, width: width)
            let xs = stride(from: arm.range.lowerBound, through: arm.range.upperBound, by: width / 4).map { $0 }
            let predicted = xs.map { theory.density(arm.sigma, at: $0) }
            let top = 1.5 * max(density.max()!, predicted.max()!)   // headroom for the legend above the peak
            var panel = Figure(title: "hidden weights \(arm.name)",
                               x: Axis(label: "pre-activation a = w·x", range: .between(arm.range.lowerBound, arm.range.upperBound)),
                               y: Axis(label: "density", range: .between(0, top)))
            panel.add(.band(x: [-saturationCut, saturationCut], lower: [0, 0], upper: [top, top],
                            label: "|a| < \(Numbers.text(saturationCut)): not saturated").paletteSlot(2))
            panel.add(.histogram(centres: histograms[0].binCentres, counts: density, width: width, label: "measured")
                .paletteSlot(arm.arm.slot))
            panel.add(.line(x: xs, y: predicted, label: "theory: mixture of N(0, σ²‖x‖²)").paletteSlot(Arm.other(5).slot))
            panel.legend = index == 0 ? .topLeft : .hidden   // one legend, where no data is
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: 3,
                                   title: "Hidden pre-activations at initialisation (784-100 sigmoid, raw pixels)", panels)
        figure.size = PixelSize(width: 1200, height: 500)
        return figure
    }

    /// The distribution of σ′ over hidden outputs (fraction per bin, mean over seeds, log y), each arm's mean σ′ as a
    /// vertical line in its colour.
    static func derivativeFigure(_ run: Run<Self>) -> Figure {
        var figure = Figure(title: "Local gradient σ′(a) of the hidden units at initialisation",
                            x: Axis(label: "σ′(a)", range: .between(0, 0.25)),
                            y: Axis(label: "fraction of hidden outputs", range: .between(1e-3, 1), scale: .log10))
        for arm in arms(run) {
            let histograms = arm.runs.map(\.atInit.derivative.histogram)
            figure.add(.linePoints(x: histograms[0].binCentres, y: meanFractions(histograms), label: arm.name)
                .paletteSlot(arm.arm.slot))
            let mean = arm.runs.map(\.atInit.derivative.mean).reduce(0, +) / Double(arm.runs.count)
            figure.add(.line(x: [mean, mean], y: [1e-3, 1], label: nil).paletteSlot(arm.arm.slot))
        }
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 520)
        return figure
    }

    /// Test accuracy against training step for N(0, 1) and N(0, 0.1²): mean over seeds, band min–max.
    static func accuracyFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        let steps = (0...(s.steps / s.evaluationInterval)).map { Double($0 * s.evaluationInterval) }
        var figure = Figure(title: "Test accuracy during SGD training (η = \(s.learningRate), batch \(s.batchSize))",
                            x: Axis(label: "training step", range: .between(0, Double(s.steps))),
                            y: Axis(label: "test accuracy", range: .between(0, 1)))
        for arm in arms(run) where arm.arm != .control {
            figure.addSeedBand(x: steps, perSeed: arm.runs.map(\.accuracies), label: arm.name, arm: arm.arm, points: true)
        }
        figure.add(.referenceLine(.horizontal(y: 0.1), label: "chance (10 classes)"))
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 520)
        return figure
    }
}
