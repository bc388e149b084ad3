import ClaimKit
import Gnuplot

extension BatchNormStability {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("fig1-accuracy-and-percentiles", paperFigure(run)),
         NamedFigure("median-drift", driftFigure(run))]
    }

    static let arms: [(key: Normalization, label: String, arm: Arm)] = [
        (.none, "without BN", .withoutNormalization), (.batch, "with BN", .batchNorm),
        (.frozen, "BN frozen at initialisation", .control),
    ]

    /// Ioffe & Szegedy's Fig. 1: (a) test accuracy against step, (b, c) the 15/50/85th percentiles of one sigmoid
    /// input of the first seed, without and with BN.
    static func paperFigure(_ run: Run<Self>) -> Figure {
        let steps = run.extra(\.steps)[0].map(Double.init)
        let stepAxis = Axis(label: "training step", range: .between(0, steps.last!))
        // (a) zooms on the dense probes, where the accuracy rule's window (up to `comparisonStep`) lies.
        let dense = steps.indices.filter { steps[$0] <= Double(run.settings.denseProbesUntil) }
        var accuracy = Figure(title: "(a) test accuracy, first \(run.settings.denseProbesUntil) steps",
                              x: Axis(label: "training step", range: .between(0, steps[dense.last!])),
                              y: Axis(label: "test accuracy", range: .between(0, 0.9)))
        for arm in arms {
            accuracy.addSeedBand(x: dense.map { steps[$0] },
                                 perSeed: run.extra(\.accuracy).map { curve in dense.map { curve[arm.key.rawValue]![$0] } },
                                 label: arm.label, arm: arm.arm)
        }
        accuracy.add(.referenceLine(.vertical(x: Double(run.settings.comparisonStep)), label: nil))
        accuracy.legend = .below
        let first = run.outcomes[0].extra
        let values = [Normalization.none, .batch].flatMap { first.unit[$0.rawValue]!.flatMap { [$0.p15, $0.p85] } }
            .filter(\.isFinite)
        let yAxis = Axis(label: "sigmoid input, unit \(first.typicalUnit)",
                         range: .between((values.min()! - 0.3).rounded(.down), (values.max()! + 0.3).rounded(.up)))
        let panels = [("(b) without BN", Normalization.none, Arm.withoutNormalization),
                      ("(c) with BN", .batch, .batchNorm)].map { title, key, arm -> Figure in
            var panel = Figure(title: title, x: stepAxis, y: yAxis)
            let unit = first.unit[key.rawValue]!
            panel.add(.band(x: steps, lower: unit.map(\.p15), upper: unit.map(\.p85), label: "15th–85th percentile")
                .paletteSlot(arm.slot))
            panel.add(.line(x: steps, y: unit.map(\.median), label: "median").paletteSlot(arm.slot))
            panel.legend = .hidden   // the caption names band and line; the arms' colours are panel (a)'s
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: 3,
                                   title: "Ioffe & Szegedy (2015) Fig. 1 on Fashion-MNIST: 3×100 sigmoid, SGD",
                                   [accuracy] + panels)
        figure.size = PixelSize(width: 1200, height: 480)
        return figure
    }

    /// Mean over the last hidden layer's units of |median(t) − median(0)| against step, per arm.
    static func driftFigure(_ run: Run<Self>) -> Figure {
        let steps = run.extra(\.steps)[0].map(Double.init)
        var figure = Figure(title: "Drift of the median sigmoid input, mean over the last hidden layer's 100 units",
                            x: Axis(label: "training step", range: .between(0, steps.last!)),
                            y: Axis(label: "mean |median(t) − median(0)|"))
        for arm in arms {
            figure.addSeedBand(x: steps, perSeed: run.extra(\.drift).map { $0[arm.key.rawValue]! }, label: arm.label,
                               arm: arm.arm)
        }
        figure.legend = .below
        figure.size = PixelSize(width: 760, height: 480)
        return figure
    }
}
