import ClaimKit
import Foundation
import Gnuplot

extension ReLUVariants {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("training", trainingFigure(run)), NamedFigure("zero-gradient-units", deadFigure(run)),
         NamedFigure("parameter-counts", parameterFigure(run)), NamedFigure("prelu-slopes", slopeFigure(run))]
    }

    /// Training loss and the median unit's mean activation against the step, per variant (Clevert et al. Fig. 1).
    static func trainingFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        let steps = run.outcomes[0].extra.runs["ReLU"]!.steps
        let stepAxis = Axis(label: "training step", range: .between(0, steps.last!))
        var loss = Figure(title: "Training loss (mean over the last \(s.interval) steps)", x: stepAxis,
                          y: Axis(label: "cross-entropy", range: .between(0.2, 1.6), scale: .log10,
                                  ticks: [0.2, 0.3, 0.4, 0.6, 0.8, 1, 1.5]))
        let top = run.extra(\.runs).flatMap { $0.values.flatMap(\.medianActivations) }.filter(\.isFinite).max() ?? 1
        var median = Figure(title: "Median over units of the unit's mean activation", x: stepAxis,
                            y: Axis(label: "median unit mean activation", range: .between(0, 1.1 * top)))
        for variant in variants(s) {
            let runs = run.extra(\.runs).map { $0[variant.name]! }
            // Step 0 is the loss at initialisation on one batch; the curve starts at the first window.
            loss.addSeedBand(x: Array(steps.dropFirst()), perSeed: runs.map { Array($0.losses.dropFirst()) },
                             label: variant.name, arm: variant.arm, points: variant.name == "maxout")
            // Maxout (LeCun init) with markers: its colour is near ELU's.
            median.addSeedBand(x: steps, perSeed: runs.map(\.medianActivations),
                               label: variant.name == "maxout" ? "maxout (LeCun init)" : variant.name, arm: variant.arm,
                               points: variant.name == "maxout")
        }
        (loss.legend, median.legend) = (.hidden, .below)
        var figure = Figure.panels(rows: 1, columns: 2, title: "784-[\(s.width)]×\(s.depth)-10, SGD η = "
                                   + "\(Numbers.compact(s.learningRate)), batch \(s.batchSize), Fashion-MNIST",
                                   [loss, median])
        figure.size = PixelSize(width: 1000, height: 500)
        return figure
    }

    /// Units whose gradient is zero on every probe example, per variant, after SGD η = 0.01 and after Adam η = 1e-2
    /// (maxout: units, and separately its pieces). Mean over seeds.
    static func deadFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        let names = variants(s).map(\.name)
        let categories = names + ["maxout pieces"]
        var figure = Figure(title: "Hidden units with an all-zero gradient (of \(s.depth * s.width)); right: maxout pieces "
                            + "never winning (of \(s.depth * s.width * s.pieces))",
                            y: Axis(label: "units, or pieces (right) — mean over seeds"))
        for (label, key, arm) in [("SGD η = \(Numbers.compact(s.learningRate)), \(s.steps) steps", \Extra.runs, Arm.other(1)),
                                  ("Adam η = \(Numbers.compact(s.highRate)), \(s.highRateSteps) steps", \Extra.highRate,
                                   Arm.other(5))] {
            let perSeed = run.extra(key)
            let values = names.map { n in perSeed.map { $0[n]!.zeroGradientUnits } } + [perSeed.map { $0["maxout"]!.deadPieces }]
            figure.add(.bars(categories: categories, values: values.map { $0.reduce(0, +) / Double($0.count) }, label: label)
                .paletteSlot(arm.slot))
        }
        (figure.legend, figure.size) = (.below, PixelSize(width: 760, height: 480))
        return figure
    }

    /// Learned parameters per variant: the whole net and its hidden layers.
    static func parameterFigure(_ run: Run<Self>) -> Figure {
        let names = variants(run.settings).map(\.name)
        var figure = Figure(title: "Learned parameters (maxout: k = \(run.settings.pieces) pieces per unit)",
                            y: Axis(label: "parameters"))
        let first = run.outcomes[0].extra.runs
        for (label, key, arm) in [("whole net", \VariantRun.parameterCount, Arm.other(1)), ("hidden layers", \.hiddenParameterCount, .other(5))] {
            figure.add(.bars(categories: names, values: names.map { first[$0]![keyPath: key] }, label: label).paletteSlot(arm.slot))
        }
        (figure.legend, figure.size) = (.below, PixelSize(width: 700, height: 460))
        return figure
    }

    /// PReLU's learned negative slope α per hidden layer (one α per layer), mean over seeds with min–max band.
    static func slopeFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        var figure = Figure(title: "PReLU: learned α per layer after \(s.steps) SGD steps",
                            x: .counting("hidden layer", upTo: s.depth), y: Axis(label: "α (negative slope)"))
        figure.addSeedBand(x: (1...s.depth).map(Double.init), perSeed: run.extra(\.slopes), label: "learned α",
                           arm: .prelu, points: true)
        figure.add(.referenceLine(.horizontal(y: s.preluInitialSlope), label: "initial α"))
        (figure.legend, figure.size) = (.below, PixelSize(width: 640, height: 440))
        return figure
    }
}
