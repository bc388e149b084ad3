import ClaimKit
import Gnuplot

extension ExpIsExpensive {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("time-per-element", timeFigure(run)), NamedFigure("ratio-to-matmul", ratioFigure(run))]
    }

    /// Colours: the claim's sigmoid and the suite's activations; the positive control in the control colour.
    static let arms: [String: Arm] = ["ReLU": .relu, "leaky ReLU": .leakyReLU, "hard sigmoid": .prelu,
                                      "sigmoid": .sigmoid, "sigmoid, vectorised exp": .control, "tanh": .tanh,
                                      "ELU": .elu]

    /// The mean over seeds, rounded to two significant digits like every ratio of this report.
    static func mean(_ values: [Double]) -> Double { Timings.twoDigits(values.reduce(0, +) / Double(values.count)) }

    /// Left: each activation's forward and backward time per element, stacked, ÷ ReLU forward. Right: one layer —
    /// Linear(fan_in → M) then its activation, forward and backward — for ReLU, sigmoid and the vectorised sigmoid.
    static func timeFigure(_ run: Run<Self>) -> Figure {
        let names = activations.map(\.name)
        let labels = names.map { $0 == "sigmoid, vectorised exp" ? "vec. sigmoid" : $0 }
        var alone = Figure(title: "Activation alone, N×M = \(run.settings.batch)×\(run.settings.width)",
                           x: Axis(label: nil), y: Axis(label: "time per element ÷ ReLU forward"))
        alone.barLayout = .stacked
        alone.add(.bars(categories: labels, values: names.map { n in mean(run.extra(\.forward).map { $0[n]! }) },
                        label: "activation forward").paletteSlot(Arm.sigmoid.slot))
        alone.add(.bars(categories: labels, values: names.map { n in mean(run.extra(\.backward).map { $0[n]! }) },
                        label: "activation backward").paletteSlot(Arm.tanh.slot))
        alone.add(.referenceLine(.horizontal(y: 2), label: "rule: sigmoid > 2 × ReLU"))
        alone.legend = .topLeft

        let layerFanIns = run.settings.fanIns.filter { $0 >= 512 }, shown = ["ReLU", "sigmoid", "sigmoid, vectorised exp"]
        let categories = layerFanIns.flatMap { f in shown.map { "\(f) \($0 == shown[2] ? "vec." : $0)" } }
        func stack(_ value: (Int, String) -> Double) -> [Double] { layerFanIns.flatMap { f in shown.map { value(f, $0) } } }
        var layer = Figure(title: "Linear(fan_in → \(run.settings.width)) + activation",
                           x: Axis(label: "fan_in, activation"),
                           y: Axis(label: "time per output element ÷ ReLU forward"))
        layer.barLayout = .stacked
        let parts: [(String, Arm, (Int, String) -> Double)] = [
            ("matrix product, forward", .batchNorm, { f, _ in mean(run.extra(\.linearForward).map { $0[f]! }) }),
            ("activation forward", .sigmoid, { _, n in mean(run.extra(\.forward).map { $0[n]! }) }),
            ("activation backward", .tanh, { _, n in mean(run.extra(\.backward).map { $0[n]! }) }),
            ("matrix products, backward", .withoutNormalization,
             { f, _ in mean(run.extra(\.linearBackward).map { $0[f]! }) }),
        ]
        for (label, arm, value) in parts {
            layer.add(.bars(categories: categories, values: stack(value), label: label).paletteSlot(arm.slot))
        }
        layer.legend = .topLeft
        var figure = Figure.panels(rows: 1, columns: 2,
                                   title: "Time per element, as multiples of ReLU's forward pass (mean over seeds)",
                                   [alone, layer])
        figure.size = PixelSize(width: 1400, height: 540)
        return figure
    }

    /// Each activation's forward ÷ the forward of the Linear layer it follows, against fan_in (log–log; line: mean
    /// over seeds, band: min–max), with the rule's bound 0.5 and its scope fan_in ≥ 512.
    static func ratioFigure(_ run: Run<Self>) -> Figure {
        let fanIns = run.settings.fanIns.map(Double.init)
        var figure = Figure(title: "Activation forward ÷ the matrix product it follows (one run per seed)",
                            x: Axis(label: "fan_in (N×fan_in · fan_in×\(run.settings.width))",
                                    range: .between(fanIns.first! / 1.3, fanIns.last! * 1.3), scale: .log2),
                            y: Axis(label: "t(activation forward) / t(Linear forward)", scale: .log10))
        for name in activations.map(\.name) where name != "leaky ReLU" {
            // addSeedBand's mean, rounded to two digits, so that the data file holds no finer ratios than the text.
            let perSeed = run.extra(\.toMatmul).map { $0[name]! }, arm = arms[name]!
            let columns = fanIns.indices.map { k in perSeed.map { $0[k] } }
            if perSeed.count > 1 {
                figure.add(.band(x: fanIns, lower: columns.map { $0.min()! }, upper: columns.map { $0.max()! },
                                 label: nil).paletteSlot(arm.slot))
            }
            figure.add(.linePoints(x: fanIns, y: columns.map(mean), label: name).paletteSlot(arm.slot))
        }
        figure.add(.referenceLine(.horizontal(y: 0.5), label: "rule: < 0.5"))
        figure.add(.referenceLine(.vertical(x: 512), label: "rule's scope: fan_in ≥ 512"))
        figure.legend = .below
        figure.size = PixelSize(width: 800, height: 620)
        return figure
    }
}
