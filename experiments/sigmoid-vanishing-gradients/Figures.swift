import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine

extension SigmoidVanishingGradients {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("sigmoid-and-derivative", activationCurves()),
         NamedFigure("gradient-norm-per-layer", gradientNormFigure(run)),
         NamedFigure("activation-over-training", dynamicsFigure(run))]
    }

    /// σ(x), σ′(x) and tanh′(x) on [−8, 8].
    static func activationCurves() -> Figure {
        let xs = stride(from: -8.0, through: 8.0, by: 0.05).map { $0 }
        var figure = Figure(title: "The sigmoid and its derivative", x: Axis(label: "x", range: .between(-8, 8)),
                            y: Axis(label: "value", range: .between(-0.05, 1.05)))
        let sigmoid = Activation<Double>.Function.sigmoid, tanh = Activation<Double>.Function.tanh
        for (label, f, arm) in [("σ(x)", sigmoid.value, Arm.sigmoid), ("σ′(x)", sigmoid.derivative, .other(0)),
                                ("tanh′(x)", tanh.derivative, .tanh)] {
            figure.add(.line(x: xs, y: xs.map(f), label: label).paletteSlot(arm.slot))
        }
        figure.add(.referenceLine(.horizontal(y: 0.25), label: "max σ′ = 1/4"))
        figure.legend = .topLeft
        return figure
    }

    /// ‖∂L/∂h_l‖ per hidden layer at depth 5 and 10 for every variant: mean over seeds, min–max band, log y.
    static func gradientNormFigure(_ run: Run<Self>) -> Figure {
        let panels = run.settings.depths.map { depth -> Figure in
            var panel = Figure(title: "\(depth) hidden layers", x: .counting("hidden layer l", upTo: depth),
                               y: Axis(label: "‖∂L/∂h_l‖", scale: .log10))
            let layers = (1...depth).map(Double.init)
            for variant in variants {
                panel.addSeedBand(x: layers, perSeed: run.extra(\.hiddenGradientNorms).map { $0[variant.name]![depth]! },
                                  label: variant.name, arm: variant.arm, points: true)
            }
            // One legend for both panels, where the deepest has no data: below the sigmoid line, on the right.
            panel.legend = depth == run.settings.depths.last! ? .bottomRight : .hidden
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: run.settings.depths.count,
                                   title: "Gradient norm per hidden layer at initialisation", panels)
        figure.size = PixelSize(width: 860, height: 420)
        return figure
    }

    /// Mean activation per hidden layer, the training loss near ln 10, and each layer's relative weight change,
    /// against step (mean over seeds; bands min–max).
    static func dynamicsFigure(_ run: Run<Self>) -> Figure {
        let dynamics = run.extra(\.dynamics)
        let steps = dynamics[0].steps.map(Double.init)
        let stepAxis = Axis(label: "training step", range: .between(0, steps.last!))
        var activations = Figure(title: "Mean activation per hidden layer", x: stepAxis,
                                 y: Axis(label: "mean sigmoid output", range: .between(0, 1)))
        var change = Figure(title: "Relative weight change ‖ΔW_l‖/‖W_l‖", x: stepAxis,
                            y: Axis(label: "‖W_l(t) − W_l(0)‖ / ‖W_l(0)‖", scale: .log10))
        for layer in 0..<TrainingDynamics.depth {
            let label = "layer \(layer + 1)\(layer == TrainingDynamics.depth - 1 ? " (top)" : "")"
            activations.addSeedBand(x: steps, perSeed: dynamics.map { $0.layerMeans[layer] }, label: label,
                                    arm: .other(layer))
            change.addSeedBand(x: Array(steps.dropFirst()), perSeed: dynamics.map { Array($0.relativeChange[layer].dropFirst()) },
                               label: label, arm: .other(layer))
        }
        // One legend: the layers, under the right-hand panel; the loss panel's reference line is named in its title.
        activations.legend = .hidden
        change.legend = .below
        var loss = Figure(title: "Training loss (dashed: ln 10, chance)", x: stepAxis,
                          y: Axis(label: "cross-entropy", range: .between(2.2, 2.5)))
        loss.addSeedBand(x: steps, perSeed: dynamics.map(\.losses), label: nil, arm: .sigmoid)
        loss.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: nil))
        loss.legend = .hidden
        var figure = Figure.panels(rows: 1, columns: 3,
                                   title: "Training a 5×128 sigmoid net (Glorot & Bengio 2010, Fig. 2)",
                                   [activations, loss, change])
        figure.size = PixelSize(width: 1200, height: 480)
        return figure
    }
}
