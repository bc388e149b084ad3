import ClaimKit
import Foundation
import Gnuplot

extension GradientAccumulation {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("relative-gradient-difference", differenceFigure(run)),
         NamedFigure("gradient-variance", varianceFigure(run))]
    }

    /// The colour of each curve: the nets in their suite colours, Float64 as a further arm,
    /// the plain net's bfloat16 micro-batch gradients as the control.
    static let curves: [(name: String, arm: Arm)] = [
        (curveName(.plain, .average), .withoutNormalization), (curveName(.layerNorm, .average), .layerNorm),
        (curveName(.batchNorm, .average), .batchNorm), (plain64, .other(0)),
        (curveName(.plain, .bfloat16), .control),
    ]

    static func label(_ curve: (name: String, arm: Arm)) -> String {
        curve.arm == .control ? curve.name + " (positive control)" : curve.name
    }

    /// ‖g_acc − g_batch‖/‖g_batch‖ against the number of micro-batches k (batch 64 = k × 64/k), log–log; dashed: the
    /// rules' thresholds 1e−5 (Float32 rounding) and 1e−2, each with its own legend entry.
    static func differenceFigure(_ run: Run<Self>) -> Figure {
        let counts = Array(Set(run.settings.microBatchCounts + [run.settings.microBatches])).sorted().map(Double.init)
        var figure = Figure(title: "Accumulated over k micro-batches vs one batch of \(run.settings.batchSize), at initialisation",
                            x: Axis(label: "number of micro-batches k (micro-batch size \(run.settings.batchSize)/k)",
                                    range: .between(counts.first! / 1.3, counts.last! * 1.3), scale: .log10, ticks: counts),
                            y: Axis(label: "‖g_acc − g_batch‖ / ‖g_batch‖", range: .between(1e-17, 1e3), scale: .log10,
                                    ticks: [1e-16, 1e-12, 1e-8, 1e-5, 1e-2, 1]))
        for curve in curves {
            figure.addSeedBand(x: counts, perSeed: run.extra(\.differences).map { $0[curve.name]! },
                               label: label(curve), arm: curve.arm, points: true)
        }
        figure.add(.referenceLine(.horizontal(y: 1e-5), label: "10⁻⁵: threshold, no normalisation and layer norm"))
        figure.add(.referenceLine(.horizontal(y: 1e-2), label: "10⁻²: threshold, batch norm"))
        figure.legend = .below
        figure.size = PixelSize(width: 760, height: 620)
        return figure
    }

    /// E‖g_B − ḡ‖² against the batch size B, log–log; dashed: slope −1 through the mean at B = 1.
    static func varianceFigure(_ run: Run<Self>) -> Figure {
        let sizes = run.settings.varianceBatchSizes.map(Double.init)
        let variances = run.extra(\.variance)
        func slope(_ values: [Double]) -> String { Numbers.text(values.reduce(0, +) / Double(values.count), significant: 3) }
        var figure = Figure(title: "Variance of the mini-batch gradient (no normalisation, at initialisation)",
                            x: Axis(label: "batch size B", range: .between(0.8, sizes.last! * 1.25), scale: .log10,
                                    ticks: sizes),
                            y: Axis(label: "E‖g_B − ḡ‖²", scale: .log10))
        figure.addSeedBand(x: sizes, perSeed: variances.map(\.real),
                           label: "one batch of B (fitted slope \(slope(run.extra(\.varianceSlope))))",
                           arm: .withoutNormalization, points: true)
        let atOne = variances.map { $0.real[0] }.reduce(0, +) / Double(variances.count)
        figure.add(.referenceLine(.function("\(atOne)/x"), label: "slope −1"))
        figure.legend = .below
        figure.size = PixelSize(width: 760, height: 600)
        return figure
    }
}
