import ClaimKit
import Foundation
import Gnuplot

extension InitScaleTanh {
    static let histogramLayers = [1, 2, 5, 10]
    static let controlLabel = "std 0.01 + layer norm (control)"

    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("activation-histograms", histogramFigure(run)),
         NamedFigure("activation-std-per-layer", standardDeviationFigure(run)),
         NamedFigure("training-loss", trainingFigure(run))]
    }

    /// The lecture's picture, at four depths: per-layer histograms over [−1, 1] per init (mean over seeds).
    static func histogramFigure(_ run: Run<Self>) -> Figure {
        let bins = DeepTanhProbe.histogramBins
        let centres = (0..<bins).map { -1 + (Double($0) + 0.5) * 2 / Double(bins) }
        var panels: [Figure] = []
        for (row, scale) in InitScale.allCases.enumerated() {
            let perSeed = run.extra(\.histograms).map { $0[scale]! }
            let mean = perSeed[0].indices.map { l in centres.indices.map { b in perSeed.map { $0[l][b] }.reduce(0, +) / Double(perSeed.count) } }
            let top = (mean.joined().max()! * 1.1).rounded(.up)
            for layer in histogramLayers {
                var panel = Figure(title: "\(scale.rawValue), layer \(layer)",
                                   x: Axis(label: row == 2 ? "h" : nil, range: .between(-1.1, 1.1)),
                                   y: Axis(label: layer == 1 ? "% of h" : nil, range: .between(0, top)))
                panel.add(.histogram(centres: centres, counts: mean[layer - 1], width: 2 / Double(bins), label: nil)
                    .paletteSlot(scale.arm.slot))
                panel.legend = .hidden
                panels.append(panel)
            }
        }
        var figure = Figure.panels(rows: 3, columns: histogramLayers.count,
                                   title: "tanh activations of a \(run.settings.depth) × \(run.settings.width) net", panels)
        figure.size = PixelSize(width: 1100, height: 760)
        return figure
    }

    /// Activation std against layer on a log axis, with the collapse law (0.01·√width)^l dashed.
    static func standardDeviationFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings, layers = (1...s.depth).map(Double.init)
        var figure = Figure(title: "Activation std per layer, \(s.depth) × \(s.width) tanh net",
                            x: Axis(label: "layer l", range: .between(0.8, Double(s.depth) + 0.2)),
                            y: Axis(label: "std of tanh outputs h_l", range: .between(1e-7, 3), scale: .log10))
        for scale in InitScale.allCases {
            figure.addSeedBand(x: layers, perSeed: run.extra(\.stds).map { $0[scale]! }, label: "W: \(scale.rawValue)",
                               arm: scale.arm, points: true)
        }
        figure.addSeedBand(x: layers, perSeed: run.extra(\.controlStds), label: controlLabel, arm: .control, points: true)
        figure.add(.referenceLine(.function("(0.01*sqrt(\(s.width)))**x"), label: "(0.01·√\(s.width))^l"))
        figure.legend = .below
        figure.size = PixelSize(width: 680, height: 560)
        return figure
    }

    /// Training loss against step per initialisation and for the control, with chance ln 10 dashed.
    static func trainingFigure(_ run: Run<Self>) -> Figure {
        let steps = run.extra(\.lossSteps)[0].map(Double.init)
        var figure = Figure(title: "Training a 784-[\(run.settings.trainingWidth)]×\(run.settings.trainingDepth)-10 tanh net",
                            x: Axis(label: "training step", range: .between(0, steps.last!)),
                            y: Axis(label: "cross-entropy loss", range: .between(0, 3.5)))
        for scale in InitScale.allCases {
            figure.addSeedBand(x: steps, perSeed: run.extra(\.losses).map { $0[scale]! }, label: "W: \(scale.rawValue)",
                               arm: scale.arm)
        }
        figure.addSeedBand(x: steps, perSeed: run.extra(\.controlLosses), label: controlLabel, arm: .control)
        figure.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "chance, ln 10"))
        figure.legend = .below
        figure.size = PixelSize(width: 680, height: 560)
        return figure
    }
}
