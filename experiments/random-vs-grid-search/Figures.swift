import ClaimKit
import Foundation
import Gnuplot

extension RandomVsGridSearch {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("grid-vs-random-layout", layoutFigure(run)),
         NamedFigure("regret-distributions", regretFigure(run)),
         NamedFigure("learning-rate-l2-search", searchFigure(run))]
    }

    static let grid = Arm.other(0), random = Arm.other(3)

    /// Bergstra & Bengio's Fig. 1: 9 trials on a 3 × 3 grid and 9 random trials, with the objective's two terms drawn
    /// along the axes (important g(x₁) above, unimportant h(x₂) on the left) and each trial projected onto them.
    static func layoutFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings, first = run.outcomes[0].extra, c = s.layoutCentre
        let bump = { (x: Double, centre: Double) in Foundation.exp(-(x - centre) * (x - centre) / (2 * s.width * s.width)) }
        let xs = stride(from: 0.0, through: 1.0, by: 0.005).map { $0 }
        // g drawn above the square and h on its left, at the same scale (h's weight makes it nearly flat).
        let top = { (x: Double) in 1.05 + 0.4 * bump(x, c[0]) }
        let left = { (y: Double) in -0.05 - 0.4 * s.minorWeight * bump(y, c[1]) }
        func panel(_ title: String, _ points: [[Double]], _ arm: Arm, legend: Bool) -> Figure {
            var panel = Figure(title: title, x: Axis(label: "important parameter x₁", range: .between(-0.2, 1.05),
                                                     ticks: [0, 0.5, 1]),
                               y: Axis(label: "unimportant parameter x₂", range: .between(-0.05, 1.62), ticks: [0, 0.5, 1]))
            panel.add(.line(x: xs, y: xs.map(top), label: "g(x₁) above, \(Numbers.compact(s.minorWeight))·h(x₂) on the left")
                .paletteSlot(Arm.other(1).slot))
            panel.add(.line(x: xs.map(left), y: xs, label: nil).paletteSlot(Arm.other(1).slot))
            let (x1, x2) = (points.map { $0[0] }, points.map { $0[1] })   // each trial, and its projections onto g and h
            panel.add(.points(x: x1 + x1 + x2.map(left), y: x2 + x1.map(top) + x2, label: nil).paletteSlot(arm.slot))
            panel.legend = legend ? .topLeft : .hidden   // one legend, above the flat part of g: the terms of both panels
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: 2, title: "9 trials, two parameters of which one matters",
                                   [panel("grid layout", centredGrid(perAxis: 3, dimensions: 2), grid, legend: true),
                                    panel("random layout (first seed's draw)", first.layoutRandom, random, legend: false)])
        figure.size = PixelSize(width: 1100, height: 600)
        return figure
    }

    /// (a) the distribution of regrets at d = 2, n = 9, all seeds pooled; (b) P(random wins) per configuration: as
    /// amended, at the original width (pre-registered), and with equal weights (control); (c) P(random wins) as the
    /// second parameter gains weight.
    static func regretFigure(_ run: Run<Self>) -> Figure {
        let first = run.settings.configurations[0]
        var cdf = Figure(title: "(a) regret over \(run.settings.repetitions) objectives per seed, \(first.name)",
                         x: Axis(label: "regret", range: .between(0, 1)),
                         y: Axis(label: "fraction of objectives with regret ≤ x", range: .between(0, 1)))
        for (label, values, arm) in [("grid", run.extra(\.gridRegrets).flatMap { $0 }, grid),
                                     ("random", run.extra(\.randomRegrets).flatMap { $0 }, random)] {
            let sorted = values.sorted(), n = Double(sorted.count)
            cdf.add(.line(x: sorted, y: sorted.indices.map { Double($0 + 1) / n }, label: label).paletteSlot(arm.slot))
        }
        cdf.legend = .bottomRight
        let short = run.settings.configurations.map { "(\($0.dimensions), \($0.trials))" }
        func mean(_ wins: KeyPath<Extra, [Double]>) -> [Double] {
            run.settings.configurations.indices.map { i in run.extra(wins).map { $0[i] }.reduce(0, +) / Double(run.seeds.count) }
        }
        var wins = Figure(title: "(b) P(random's regret < grid's), per configuration", x: Axis(label: "configuration (d, n)"),
                          y: Axis(label: "P(random wins), mean over seeds", range: .between(0, 1.3), ticks: [0, 0.2, 0.4, 0.6, 0.8, 1]))
        let (s, w) = (Numbers.compact(run.settings.width), Numbers.compact(run.settings.originalWidth))
        for (values, label, arm) in [(\Extra.wins, "s = \(s) (in force)", random),
                                     (\.winsOriginal, "s = \(w) (pre-registered)", .other(2)),
                                     (\.winsEqualWeights, "equal weights, s = \(s) (control)", .control)] {
            wins.add(.bars(categories: short, values: mean(values), label: label).paletteSlot(arm.slot))
        }
        wins.add(.referenceLine(.horizontal(y: 0.6), label: nil))
        wins.legend = .topLeft
        let weights = run.settings.sweepWeights
        var sweep = Figure(title: "(c) when the second parameter matters too (\(first.name))", x: Axis(
            label: "weight of the second parameter", range: .between(-0.03, weights.last! + 0.03), ticks: weights),
                           y: Axis(label: "P(random wins)", range: .between(0, 1)))
        sweep.addSeedBand(x: weights, perSeed: run.extra(\.sweep), label: nil, arm: random, points: true)
        sweep.add(.referenceLine(.horizontal(y: 0.6), label: nil))
        sweep.legend = .hidden
        let title = "Regret of searches on objectives of low effective dimension"
        var figure = Figure.panels(rows: 1, columns: 3, title: title, [cdf, wins, sweep])
        figure.size = PixelSize(width: 1400, height: 560)
        return figure
    }

    /// Validation accuracy of every trial of the real search against log₁₀ η (left) and log₁₀ λ (right), all seeds.
    static func searchFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        func panel(_ title: String, _ axis: Axis, _ coordinate: (Trial) -> Double, noteRange: Bool) -> Figure {
            var panel = Figure(title: title, x: axis, y: Axis(label: "validation accuracy", range: .between(0, 1)))
            if noteRange { panel.add(.band(x: [-5, -3], lower: [0, 0], upper: [1, 1], label: "the note's range 10⁻⁵ … 10⁻³")
                .paletteSlot(Arm.other(1).slot)) }
            for (label, trials, arm) in [("grid", run.extra(\.gridTrials).flatMap { $0 }, grid),
                                         ("random (log-uniform)", run.extra(\.randomTrials).flatMap { $0 }, random)] {
                let kept = trials.filter { !$0.accuracy.isNaN }
                panel.add(.points(x: kept.map(coordinate), y: kept.map(\.accuracy), label: label).paletteSlot(arm.slot))
            }
            panel.legend = noteRange ? .topLeft : .hidden   // one legend, where (a) has no trials
            return panel
        }
        func axis(_ label: String, _ r: ClosedRange<Double>) -> Axis {
            Axis(label: label, range: .between(r.lowerBound - 0.1, r.upperBound + 0.1))
        }
        let eta = panel("(a) against the learning rate", axis("log₁₀ η", s.learningRateRange), \.logLearningRate, noteRange: true)
        let lambda = panel("(b) against the L2 coefficient", axis("log₁₀ λ", s.weightDecayRange), \.logWeightDecay,
                           noteRange: false)
        let title = "Coarse-to-fine search, SGD + momentum, 784-\(s.hidden)-10 MLP, Fashion-MNIST (all seeds)"
        var figure = Figure.panels(rows: 1, columns: 2, title: title, [eta, lambda])
        figure.size = PixelSize(width: 1100, height: 560)
        return figure
    }
}
