import ClaimKit
import Foundation
import Gnuplot

extension BatchNormInitRobustness {
    static func figures(_ run: Run<Self>) -> [NamedFigure] { [NamedFigure("accuracy-vs-weight-scale", sweepFigure(run))] }

    static let arms: [Normalizer: Arm] = [.batchNorm: .batchNorm, .none: .withoutNormalization, .centring: .control]

    /// Best validation accuracy and the last epoch's training loss against the initial weight scale (log x), one line
    /// per net: mean over seeds, min–max band; He's scale √(2/50) marked.
    static func sweepFigure(_ run: Run<Self>) -> Figure {
        let scales = run.settings.weightScales
        let he = (2 / Double(run.settings.width)).squareRoot()
        let xAxis = Axis(label: "initial weight scale s (every weight ~ N(0, s²))",
                         range: .between(scales.first! / 1.5, scales.last! * 1.5), scale: .log10)
        var accuracy = Figure(title: "Best validation accuracy over the epochs", x: xAxis,
                              y: Axis(label: "validation accuracy", range: .between(0, 1)))
        var loss = Figure(title: "Training loss, last epoch (dashed: ln 10, chance)", x: xAxis,
                          y: Axis(label: "cross-entropy", scale: .log10))
        for normalizer in Normalizer.allCases {
            accuracy.addSeedBand(x: scales, perSeed: run.extra(\.bestValidation).map { $0[normalizer]! },
                                 label: normalizer.rawValue, arm: arms[normalizer]!, points: true)
            loss.addSeedBand(x: scales, perSeed: run.extra(\.finalLoss).map { $0[normalizer]! }, label: nil,
                             arm: arms[normalizer]!, points: true)
        }
        accuracy.add(.referenceLine(.horizontal(y: run.settings.trainedAccuracy),
                                    label: "trained: ≥ \(Numbers.compact(run.settings.trainedAccuracy))"))
        accuracy.add(.referenceLine(.vertical(x: he), label: "He: √(2/\(run.settings.width))"))
        loss.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: nil))
        loss.add(.referenceLine(.vertical(x: he), label: nil))
        accuracy.legend = .below
        loss.legend = .hidden   // one legend: the accuracy panel's covers the arms
        var figure = Figure.panels(rows: 1, columns: 2, title: "Batch norm and the initial weight scale "
                                   + "(CS231n assignment 2 on Fashion-MNIST)", [accuracy, loss])
        figure.size = PixelSize(width: 1100, height: 500)
        return figure
    }
}
