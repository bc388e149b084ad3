import ClaimKit
import Foundation
import Gnuplot

extension Variant { var arm: Arm { self == .sigmoid ? .sigmoid : self == .centred ? .other(4) : .control } }

extension SigmoidNotZeroCentered {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("zig-zag", zigZagFigure(run)), NamedFigure("loss-against-step", lossFigure(run)),
         NamedFigure("same-sign-against-batch-size", sameSignFigure(run))]
    }

    /// The 2-D picture: allowed directions (shaded), the first seed's paths, ‖w − w*‖ against step (all seeds).
    static func zigZagFigure(_ run: Run<Self>) -> Figure {
        let positive = run.outcomes[0].extra.toyPositive, centred = run.outcomes[0].extra.toyCentred, (t1, t2) = ZigZag.teacher
        var paths = Figure(title: "Path of (w₁, w₂) from 0 to w* = (\(Numbers.text(t1)), \(Numbers.text(t2))), seed \(run.seeds[0])",
                           x: Axis(label: "w₁", range: .between(-0.6, 1.6)), y: Axis(label: "w₂", range: .between(-1.6, 0.6)))
        paths.add(.band(x: [0, 1.6], lower: [0, 0], upper: [0.6, 0.6], label: "directions a step can take from w = 0 with x > 0")
            .paletteSlot(Arm.sigmoid.slot))
        paths.add(.band(x: [-0.6, 0], lower: [-1.6, -1.6], upper: [0, 0], label: nil).paletteSlot(Arm.sigmoid.slot))
        paths.add(.linePoints(x: positive.w1, y: positive.w2, label: "inputs x ∈ (0, 1)², all positive")
            .paletteSlot(Arm.sigmoid.slot))
        paths.add(.linePoints(x: centred.w1, y: centred.w2, label: "the same inputs centred, x − ½").paletteSlot(Arm.other(4).slot))
        paths.add(.points(x: [t1], y: [t2], label: "optimum w*").paletteSlot(Arm.control.slot))
        paths.legend = .below
        let steps = positive.distance.indices.map(Double.init)
        var distance = Figure(title: "Distance to the optimum", y: Axis(label: "‖w − w*‖", scale: .log10))
        distance.x = Axis(label: "step (one example each)", range: .between(0, steps.last!))
        distance.addSeedBand(x: steps, perSeed: run.extra(\.toyPositive).map(\.distance), label: nil, arm: .sigmoid)
        distance.addSeedBand(x: steps, perSeed: run.extra(\.toyCentred).map(\.distance), label: nil, arm: .other(4))
        distance.legend = .hidden   // the left panel's legend names both paths
        var figure = Figure.panels(rows: 1, columns: 2, title: "One linear unit, two weights: all-positive vs centred inputs",
                                   [paths, distance])
        figure.size = PixelSize(width: 1000, height: 560)
        return figure
    }

    /// Training loss against step, one panel per learning rate, for the three variants; chance ln 10 dashed.
    static func lossFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings
        let steps = (1...(s.steps / s.recordInterval)).map { Double($0 * s.recordInterval) }
        let panels = s.learningRates.indices.map { k -> Figure in
            var panel = Figure(title: "SGD, η = \(Numbers.compact(s.learningRates[k]))",
                               x: Axis(label: "training step", range: .between(0, Double(s.steps)),
                                       ticks: stride(from: 0, through: Double(s.steps), by: 100).map { $0 }),
                               y: Axis(label: k == 0 ? "training loss (mean over \(s.recordInterval) steps)" : nil,
                                       range: .between(0, 3)))
            for variant in Variant.allCases {   // band: second-lowest to second-highest seed (thinner than min–max)
                let perSeed = run.extra(\.curves).map { $0[variant]![k] }
                let sorted = steps.indices.map { i in perSeed.map { $0[i] }.filter { !$0.isNaN }.sorted() }
                if perSeed.count >= 3 { panel.add(.band(x: steps, lower: sorted.map { $0.dropFirst().first ?? .nan },
                                                        upper: sorted.map { $0.dropLast().last ?? .nan }, label: nil).paletteSlot(variant.arm.slot)) }
                panel.add(.line(x: steps, y: sorted.map { $0.reduce(0, +) / Double($0.count) }, label: variant.rawValue)
                    .paletteSlot(variant.arm.slot))
            }
            panel.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "chance, ln 10"))
            panel.legend = k == s.learningRates.count - 1 ? .below : .hidden
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: panels.count,
                                   title: "Training a 784-[\(s.width)]×\(s.depth)-10 net on Fashion-MNIST", panels)
        figure.size = PixelSize(width: 1000, height: 520)
        return figure
    }

    /// The same-sign fraction and the majority-sign share of layer-2 weight gradients against mini-batch size.
    static func sameSignFigure(_ run: Run<Self>) -> Figure {
        let sizes = run.outcomes[0].extra.probes[.sigmoid]!.batchSizes.map(Double.init)
        let batchAxis = Axis(label: "mini-batch size B", range: .between(0.8, sizes.last! * 1.25), scale: .log2)
        var orthant = Figure(title: "Whole gradient in one orthant", x: batchAxis,
                             y: Axis(label: "fraction of (mini-batch, unit) pairs", range: .between(-0.02, 1.02)))
        var agreement = Figure(title: "Entries sharing the majority sign", x: batchAxis,
                               y: Axis(label: "mean share of a unit's \(run.settings.width) entries", range: .between(0.45, 1.02)))
        for variant in Variant.allCases {
            let probes = run.extra(\.probes).map { $0[variant]! }
            orthant.addSeedBand(x: sizes, perSeed: probes.map(\.orthantFraction), label: variant.rawValue, arm: variant.arm,
                                points: true)
            agreement.addSeedBand(x: sizes, perSeed: probes.map(\.agreement), label: nil, arm: variant.arm, points: true)
        }
        orthant.legend = .below
        agreement.legend = .hidden
        var figure = Figure.panels(rows: 1, columns: 2, title: "Sign structure of layer-2 weight gradients at initialisation",
                                   [orthant, agreement])
        figure.size = PixelSize(width: 1000, height: 520)
        return figure
    }
}
