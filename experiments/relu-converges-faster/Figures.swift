import ClaimKit
import Foundation
import Gnuplot

extension ReLUConvergesFaster {
    static func figures(_ run: Run<Self>) -> [NamedFigure] { [NamedFigure("training-error-vs-step", errorFigure(run))] }

    static let arms: [Variant: Arm] = [.relu: .relu, .tanh: .tanh, .sigmoid: .sigmoid, .steepSigmoid: .control]

    /// The probe's training error against step (log y), one line per seed (each ends where it reached the target),
    /// every activation at its tuned learning rate; dashed: the target; log x from the first probe.
    static func errorFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        var figure = Figure(title: "Training error on a fixed probe, each activation at its tuned learning rate",
                            x: Axis(label: "step (SGD + momentum \(Numbers.compact(s.momentum)), batch \(s.batchSize))",
                                    range: .between(Double(s.probeInterval) * 0.9, lastStep(run)), scale: .log10,
                                    ticks: [25, 50, 100, 200, 500, 1000]),
                            y: Axis(label: "training error", range: .between(0.1, 1), scale: .log10,
                                    ticks: [0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 0.9]))
        figure.add(.referenceLine(.horizontal(y: s.targetError), label: "target: \(Numbers.compact(100 * s.targetError))% error"))
        let rates = [Variant.relu: run.extra(\.rateReLU)[0], .tanh: run.extra(\.rateTanh)[0],
                     .sigmoid: run.extra(\.rateSigmoid)[0], .steepSigmoid: run.extra(\.rateControl)[0]]
        for variant in Variant.allCases {
            for (k, curve) in run.extra(\.curves).map({ $0[variant.rawValue]! }).enumerated() {
                let steps = curve.indices.dropFirst().map { Double($0 * s.probeInterval) }   // log x: no step 0
                let label = k == 0 ? "\(variant.rawValue), η = \(Numbers.compact(rates[variant]!))" : nil
                let fast = variant == .relu || variant == .tanh   // markers tell the two short, overlapping arms apart
                let ys = Array(curve.dropFirst())
                let series: Series = fast ? .linePoints(x: steps, y: ys, label: label) : .line(x: steps, y: ys, label: label)
                figure.add(series.paletteSlot(arms[variant]!.slot))
            }
        }
        figure.legend = .below
        figure.size = PixelSize(width: 720, height: 480)
        return figure
    }

    /// The last probed step of any run, rounded up to a hundred (the x range: no empty tail up to `maxSteps`).
    static func lastStep(_ run: Run<Self>) -> Double {
        let probes = run.extra(\.curves).flatMap(\.values).map(\.count).max() ?? 1
        return (Double((probes - 1) * run.settings.probeInterval) / 100).rounded(.up) * 100
    }
}
