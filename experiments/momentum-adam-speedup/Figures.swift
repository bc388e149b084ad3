import ClaimKit
import Foundation
import Gnuplot

extension MomentumAdamSpeedup {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("quadratic-paths", pathsFigure(run)), NamedFigure("iterations-vs-condition-number", iterationsFigure(run)),
         NamedFigure("saddle-escape", saddleFigure(run)), NamedFigure("mlp-training-loss", mlpFigure(run))]
    }
    static let arms: [Method: Arm] = [.sgd: .sgd, .momentum: .momentum, .adam: .adam]
    /// The first seed's κ = 100 valley as nested filled level sets, and each method's path to tolerance on it.
    static func pathsFigure(_ run: Run<Self>) -> Figure {
        let extra = run.outcomes[0].extra, quadratic = Quadratic(conditionNumber: run.settings.ruledCondition, angle: extra.angle)
        let title = "κ = \(Numbers.compact(quadratic.conditionNumber)): paths to ‖w‖ ≤ 10⁻⁶ (seed \(run.seeds[0]))"
        var figure = Figure(title: title, x: Axis(label: "w₁", range: .between(-1.1, 1.1)),
                            y: Axis(label: "w₂", range: .between(-1.1, 1.1)))
        let xs = stride(from: -1.1, through: 1.1, by: 0.0025).map { $0 }
        for level in [1.25, 0.25, 0.05, 0.01] {
            let inside = xs.compactMap { x in quadratic.levelInterval(level, at: x).map { (x, $0.0, $0.1) } }
            figure.add(.band(x: inside.map(\.0), lower: inside.map(\.1), upper: inside.map(\.2), label: nil)
                .paletteSlot(Arm.control.slot))
        }
        for method in [Method.momentum, .adam, .sgd] {   // SGD last: its short zig-zags on top of momentum's dashes
            let path = extra.paths[method.rawValue]!
            figure.add(.line(x: path.map(\.x), y: path.map(\.y), label: "\(method.rawValue) (\(path.count - 1) steps)")
                .paletteSlot(arms[method]!.slot))
        }
        let start = extra.paths[Method.sgd.rawValue]![0]
        figure.add(.points(x: [start.x], y: [start.y], label: "start w₀").paletteSlot(Arm.control.slot))
        figure.add(.points(x: [0], y: [0], label: "minimum w = 0").paletteSlot(Arm.other(0).slot))
        figure.legend = .below
        figure.size = PixelSize(width: 560, height: 660)
        return figure
    }
    /// Iterations to tolerance against κ (log–log), tuned per method and κ, with the optimal-step theory for SGD and
    /// heavy ball: ln(10⁶)/−ln r with r = (κ−1)/(κ+1) and (√κ−1)/(√κ+1).
    static func iterationsFigure(_ run: Run<Self>) -> Figure {
        let kappas = run.settings.conditionNumbers
        var figure = Figure(title: "Iterations to ‖w‖ ≤ 10⁻⁶·‖w₀‖, each method tuned on its grid",
                            x: Axis(label: "condition number κ", range: .between(0.8, kappas.last! * 1.25), scale: .log10),
                            y: Axis(label: "iterations", range: .from(0.7), scale: .log10))
        let tolerance = Numbers.compact(1 / run.settings.tolerance)
        figure.add(.referenceLine(.function("log(\(tolerance))/(-log((x-1)/(x+1)))"), label: "theory: GD, best η"))
        figure.add(.referenceLine(.function("log(\(tolerance))/(-log((sqrt(x)-1)/(sqrt(x)+1)))"),
                                  label: "theory: heavy ball, best η and μ"))
        for method in Method.allCases {
            figure.addSeedBand(x: kappas, perSeed: run.extra(\.iterations).map { $0[method.rawValue]! },
                               label: method.rawValue, arm: arms[method]!, points: true)
        }
        figure.add(.referenceLine(.vertical(x: run.settings.ruledCondition), label: nil))
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 480)
        return figure
    }
    static func saddleFigure(_ run: Run<Self>) -> Figure {
        var figure = Figure(title: "Escaping the saddle of ½x² − ½y² + ¼y⁴ from y₀ = 10⁻⁸, shared η = \(Numbers.compact(run.settings.saddleRate))",
                            x: Axis(label: "step", range: .between(0, Double(run.settings.saddleSteps))),
                            y: Axis(label: "|y|", range: .between(1e-9, 3), scale: .log10))
        let escape = run.settings.escapeHeight
        figure.add(.referenceLine(.horizontal(y: escape), label: "escaped: |y| = \(Numbers.compact(escape))"))
        for method in Method.allCases {
            let heights = run.extra(\.saddleHeights).map { $0[method.rawValue]! }
            figure.addSeedBand(x: heights[0].indices.map(Double.init), perSeed: heights, label: method.rawValue, arm: arms[method]!)
        }
        figure.legend = .below
        return figure
    }
    /// The MLP's training loss (mean over windows of steps) at each optimizer's tuned learning rate.
    static func mlpFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        var figure = Figure(title: "784-256-256-10 ReLU on Fashion-MNIST, each optimizer at its tuned η",
                            x: Axis(label: "step", range: .between(0, Double(s.mlpSteps))),
                            y: Axis(label: "training loss (window mean)", range: .between(0.15, 4), scale: .log10,
                                    ticks: [0.2, 0.3, 0.5, 1, 2, 3]))
        let steps = stride(from: 0, to: s.mlpSteps, by: s.curveWindow).map { Double($0 + s.curveWindow / 2) }
        let rates = [run.extra(\.mlpRateSGD)[0], run.extra(\.mlpRateMomentum)[0], run.extra(\.mlpRateAdam)[0]]
        for (method, rate) in zip(Method.allCases, rates) {
            figure.addSeedBand(x: steps, perSeed: run.extra(\.mlpCurves).map { $0[method.rawValue]! },
                               label: "\(method.rawValue), η = \(Numbers.compact(rate))", arm: arms[method]!)
        }
        figure.legend = .below
        return figure
    }
}
