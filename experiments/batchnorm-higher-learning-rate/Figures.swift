import ClaimKit
import Foundation
import Gnuplot

extension BatchNormHigherLearningRate {
    static func figures(_ run: Run<Self>) -> [NamedFigure] { [NamedFigure("final-loss-vs-learning-rate", lossFigure(run))] }

    /// The final training loss against the learning rate (log–log), one line per arm (mean over the seeds that did not
    /// diverge, min–max band); a rate at which some seed diverged is marked on the top row in the arm's colour.
    static func lossFigure(_ run: Run<Self>) -> Figure {
        let rates = run.settings.learningRates
        let top = 30.0, divergedRow = 20.0
        var figure = Figure(title: "Final training loss against learning rate (plain SGD, \(run.settings.steps) steps)",
                            x: Axis(label: "learning rate η", range: .between(rates.first! / 1.5, rates.last! * 1.5),
                                    scale: .log10),
                            y: Axis(label: "final training loss (mean of the last \(run.settings.tail) steps)",
                                    range: .between(0.3, top), scale: .log10))
        for arm in arms {
            let perSeed = run.extra(\.losses).map { $0[arm.name]!.map { min($0, divergedRow) } }
            figure.addSeedBand(x: rates, perSeed: perSeed, label: arm.name, arm: arm.arm, points: true)
            let diverged = rates.indices.filter { i in perSeed.contains { $0[i].isNaN } }
            if !diverged.isEmpty {
                figure.add(.points(x: diverged.map { rates[$0] }, y: diverged.map { _ in divergedRow }, label: nil)
                    .paletteSlot(arm.arm.slot))
            }
        }
        figure.add(.referenceLine(.horizontal(y: divergedRow), label: "diverged (NaN/∞, markers) or loss ≥ 20"))
        figure.add(.referenceLine(.horizontal(y: 1), label: "trained: loss < 1"))
        figure.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "chance: ln 10"))
        figure.legend = .below
        figure.size = PixelSize(width: 760, height: 560)
        return figure
    }
}
