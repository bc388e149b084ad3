import ClaimKit
import Foundation
import Gnuplot

extension XavierVsHeReLU {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("second-moment-per-layer", secondMomentFigure(run)),
         NamedFigure("deep-training-loss", trainingFigure(run, \.log.losses, title: "Training loss",
                                                          y: Axis(label: "training loss (cross-entropy)", range: .between(0, 2.6)))),
         NamedFigure("first-layer-gradient", trainingFigure(run, \.firstLayerGradientNorms, title: "Gradient reaching the first layer",
                                                            y: Axis(label: "‖∂L/∂W₁‖", scale: .log10)))]
    }

    static let arms: [(scheme: WeightScheme, label: String, arm: Arm)] = [
        (.xavier, "Xavier N(0, 1/fan_in)", .xavier), (.he, "He N(0, 2/fan_in)", .he),
        (.heWithoutFactor2, "control: \"He\" without its 2", .control),
    ]

    /// The Xavier run of one seed with the lowest final loss (a diverged run counts as the highest).
    static func lowestLoss(_ runs: [DeepTraining]) -> DeepTraining {
        runs.min { ($0.finalLoss.isNaN ? .infinity : $0.finalLoss) < ($1.finalLoss.isNaN ? .infinity : $1.finalLoss) }!
    }

    /// log₂E[h_l²] against layer l = 1…10 per scheme (mean over seeds, band min–max), with He et al.'s prediction
    /// from the input's E[x²]: log₂E[x²] − 1·l for fan_in·Var[w] = 1, log₂E[x²] for 2.
    static func secondMomentFigure(_ run: Run<Self>) -> Figure {
        let depth = run.settings.signalDepth
        let layers = (1...depth).map(Double.init)
        let input = run.extra(\.inputLog2SecondMoment).reduce(0, +) / Double(run.seeds.count)
        var figure = Figure(title: "Mean squared activation per layer at initialisation (\(depth) × \(run.settings.signalWidth) ReLU)",
                            x: Axis(label: "hidden layer l", range: .between(0.8, Double(depth) + 0.2)),
                            y: Axis(label: "log₂ E[h_l²]"))
        for (scheme, label, arm) in arms {
            figure.addSeedBand(x: layers, perSeed: run.extra(\.log2SecondMoments).map { $0[scheme]! }, label: label,
                               arm: arm, points: true)
        }
        figure.add(.referenceLine(.segment(from: (x: 1, y: input - 1), to: (x: Double(depth), y: input - Double(depth))),
                                  label: "theory, fan_in·Var[w] = 1: slope −1"))
        figure.add(.referenceLine(.segment(from: (x: 1, y: input), to: (x: Double(depth), y: input)),
                                  label: "theory, fan_in·Var[w] = 2: level"))
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 560)
        return figure
    }

    /// A per-step series of the 30-layer runs (loss or ‖∂L/∂W₁‖), averaged over windows of `plotWindow` steps, mean
    /// over seeds with a min–max band: He, the control, and Xavier's run at the rate of its lowest final loss (the
    /// run `deep-loss-xavier` judges).
    static func trainingFigure(_ run: Run<Self>, _ series: KeyPath<DeepTraining, [Double]>, title: String,
                               y: Axis) -> Figure {
        let s = run.settings
        let windows = s.steps / s.plotWindow
        let steps = (1...windows).map { Double($0 * s.plotWindow) }
        func windowed(_ runs: [DeepTraining]) -> [[Double]] {
            runs.map { DeepTraining.windowed($0[keyPath: series], window: s.plotWindow, steps: s.steps) }
        }
        var figure = Figure(title: "\(title), \(s.deepDepth) × \(s.deepWidth) ReLU (He et al. 2015, Fig. 3)",
                            x: Axis(label: "training step", range: .between(0, Double(s.steps))), y: y)
        figure.addSeedBand(x: steps, perSeed: windowed(run.extra(\.xavierRuns).map(lowestLoss)),
                           label: "Xavier, best η of \(s.xavierRates.map { "\($0)" }.joined(separator: ", "))", arm: .xavier)
        figure.addSeedBand(x: steps, perSeed: windowed(run.extra(\.heRun)), label: "He, η = \(s.heRate)", arm: .he)
        figure.addSeedBand(x: steps, perSeed: windowed(run.extra(\.controlRun)),
                           label: "control: \"He\" without its 2, η = \(s.heRate)", arm: .control)
        if y.scale == .linear {
            figure.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "ln 10 (chance)"))
            figure.add(.referenceLine(.horizontal(y: 1.0), label: "rule: He < 1.0"))
        }
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 520)
        return figure
    }
}
