import ClaimKit
import Gnuplot

extension DeadReLU {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("dead-fraction-vs-learning-rate", sweepFigure(run)), NamedFigure("recovery", recoveryFigure(run)),
         NamedFigure("dead-unit-map", mapFigure(run))]
    }

    /// The first and last hidden layers' colours (slots not used by ReLU, leaky ReLU, ELU or the positive-bias arm).
    static let layerArms: [(layer: Int, arm: Arm)] = [(0, .other(1)), (2, .other(5))]
    static func overall(_ layers: [Double]) -> Double { layers.reduce(0, +) / Double(layers.count) }

    /// Dead fraction per hidden layer against the learning rate (log x), one panel per optimizer; a diverged run is
    /// a marker on the top line, not a dead fraction.
    static func sweepFigure(_ run: Run<Self>) -> Figure {
        let divergedRow = 1.1
        let panels = [("Adam", run.settings.adamRates), ("SGD", run.settings.sgdRates)].map { method, rates -> Figure in
            var panel = Figure(title: "\(method), \(run.settings.steps) steps", x: Axis(label: "learning rate η",
                               range: .between(rates.first! / 1.6, rates.last! * 1.6), scale: .log10),
                               y: Axis(label: "fraction of units never positive", range: .between(-0.02, 1.15)))
            let dead = run.extra(\.dead).map { $0[method]! }
            for (layer, arm) in layerArms {
                panel.addSeedBand(x: rates, perSeed: dead.map { $0.map { $0[layer] } }, label: "layer \(layer + 1)",
                                  arm: arm, points: true)
            }
            panel.addSeedBand(x: rates, perSeed: dead.map { $0.map(overall) }, label: "ReLU, all layers", arm: .relu,
                              points: true)
            if method == "Adam" {
                let s = run.settings
                panel.addSeedBand(x: [s.lowRate, s.highRate], perSeed: zip(run.control(\.deadAtLowRate),
                                  run.control(\.deadAtHighRate)).map { [$0, $1] },
                                  label: "leaky ReLU (control), all layers", arm: .leakyReLU, points: true)
                panel.addSeedBand(x: [s.highRate], perSeed: run.extra(\.deadWithPositiveBias).map { [$0] },
                                  label: "ReLU with biases \(Numbers.compact(s.positiveBias)), all layers", arm: .other(3),
                                  points: true)
            }
            let diverged = rates.filter { r in dead.contains { $0[rates.firstIndex(of: r)!].contains(where: \.isNaN) } }
            panel.add(.points(x: diverged, y: diverged.map { _ in divergedRow }, label: nil).paletteSlot(Arm.relu.slot))
            panel.add(.referenceLine(.horizontal(y: divergedRow), label: "diverged (loss NaN): marker on this line"))
            panel.legend = method == "Adam" ? .below : .hidden
            return panel
        }
        return sized(.panels(rows: 1, columns: 2, title: "Dead ReLUs after training, 784-256-256-256-10", panels), 980, 520)
    }

    /// The worst layer's dead fraction during the recovery runs (high rate, then low rate), and which units dead at
    /// the switch are still dead at the end.
    static func recoveryFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        let steps = run.extra(\.checkpoints)[0]
        var curves = Figure(title: "Worst layer's dead fraction (first \(s.curveExamples) examples)",
                            x: Axis(label: "training step", range: .between(0, steps.last!)),
                            y: Axis(label: "fraction of units never positive", range: .between(0, 1)))
        for activation in activations.prefix(s.recoveryArms) {
            curves.addSeedBand(x: steps, perSeed: run.extra(\.recoveryCurves).map { $0[activation.name]! },
                               label: activation.name, arm: activation.arm, points: true)
        }
        let switchLabel = "Adam η \(Numbers.compact(s.recoveryFromRate)) → \(Numbers.compact(s.recoveryRate))"
        curves.add(.referenceLine(.vertical(x: Double(s.steps)), label: switchLabel))
        var still = Figure(title: "Dead at step \(s.steps), still dead at step \(s.steps + s.recoverySteps)",
                           y: Axis(label: "fraction of those units (mean over seeds)", range: .between(0, 1.05)))
        let categories = ["layer 1", "layer 2", "layer 3", "all layers"]
        for activation in activations.prefix(s.recoveryArms) {
            let perSeed = run.extra(\.stillDeadPerLayer).map { $0[activation.name]! }
            let mean = categories.indices.map { k in perSeed.map { $0[k] }.filter { !$0.isNaN } }.map { $0.isEmpty ? 0 : overall($0) }
            still.add(.bars(categories: categories, values: mean, label: activation.name).paletteSlot(activation.arm.slot))
        }
        (curves.legend, still.legend) = (.below, .below)
        return sized(.panels(rows: 1, columns: 2, title: "Do dead units recover?", [curves, still]), 1000, 500)
    }

    /// Units × examples of one hidden layer, 1 where the unit is positive, for the first seed's nets trained at each
    /// Adam rate: a dead unit is a column of 0.
    static func mapFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        let panels = zip(s.adamRates, run.outcomes[0].extra.maps).map { rate, map -> Figure in
            var panel = Figure(title: "Adam η = \(Numbers.compact(rate))",
                               x: Axis(label: "unit of hidden layer \(s.mapLayer + 1)"), y: Axis(label: "example"))
            panel.add(.heatmap(map))
            panel.colorbar = Axis(label: "h > 0", range: .between(0, 1), ticks: [0, 1])
            return panel
        }
        return sized(.panels(rows: 1, columns: panels.count, title: "Which units fire on which examples (seed \(run.seeds[0]))",
                             panels), 1200, 420)
    }

    static func sized(_ figure: Figure, _ width: Int, _ height: Int) -> Figure {
        var figure = figure
        figure.size = PixelSize(width: width, height: height)
        return figure
    }
}
