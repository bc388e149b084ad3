import ClaimKit
import Gnuplot

extension GradientChecking {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("relative-error-per-layer", perLayerFigure(run)),
         NamedFigure("float32-vs-float64", precisionFigure(run))]
    }

    /// The lecture's bands: good below 1e-7, acceptable with kinks up to 1e-4, wrong above 1e-2.
    static func addBands(_ figure: inout Figure, from x0: Double, to x1: Double) {
        figure.add(.band(x: [x0, x1], lower: [wrongBand, wrongBand], upper: [10, 10], label: "wrong (> 1e−2)")
            .paletteSlot(Arm.control.slot))
        figure.add(.band(x: [x0, x1], lower: [1e-4, 1e-4], upper: [wrongBand, wrongBand], label: "suspect (1e−4 to 1e−2)")
            .paletteSlot(Arm.other(1).slot))
        figure.add(.band(x: [x0, x1], lower: [1e-20, 1e-20], upper: [1e-7, 1e-7], label: "good (< 1e−7)")
            .paletteSlot(Arm.relu.slot))
    }

    /// Worst raw Float64 relative error per layer type over the seeds (bar) and each seed's value (points), log y;
    /// the four deliberate bugs at the right; the same check in Float32 (the control) as hollow markers.
    static func perLayerFigure(_ run: Run<Self>) -> Figure {
        let engine = LayerCase.engine, bugs = LayerCase.bugs.map(\.name)
        let names = engine.map(\.name) + bugs
        let errors = run.extra(\.rawErrors)
        var figure = Figure(title: "Gradient check in Float64 (bars) and Float32 (squares), per layer type (h = 1e−5)",
                            x: Axis(label: nil), y: Axis(label: "relative error (worst entry)", range: .between(1e-14, 10),
                                                         scale: .log10))
        addBands(&figure, from: -0.6, to: Double(names.count) - 0.4)
        let groups: [(label: String, arm: Arm, member: (String) -> Bool)] = [
            ("smooth layer (rule: < 1e−5)", .batchNorm, { n in engine.contains { $0.name == n && !$0.kinked } }),
            ("layer with a kink (rule: < 1e−4)", .leakyReLU, { n in engine.contains { $0.name == n && $0.kinked } }),
            ("deliberate bug (rule: > 1e−2)", .other(5), { bugs.contains($0) }),
        ]
        for group in groups {
            let worst = names.map { n in group.member(n) ? errors.map { $0[n]! }.max()! : 0 }
            figure.add(.bars(categories: names, values: worst, label: group.label).paletteSlot(group.arm.slot))
        }
        for group in groups {
            let members = names.indices.filter { group.member(names[$0]) }
            let xs = members.flatMap { i in errors.map { _ in Double(i) } }
            figure.add(.points(x: xs, y: members.flatMap { i in errors.map { $0[names[i]]! } }, label: nil)
                .paletteSlot(group.arm.slot))
        }
        let errors32 = run.extra(\.errors32)
        figure.add(.points(x: names.indices.flatMap { i in errors32.map { _ in Double(i) } },
                           y: names.flatMap { n in errors32.map { max($0[n]!, 1e-14) } },
                           label: "the same check in Float32 (control)").paletteSlot(Arm.control.slot))
        figure.barLayout = .stacked   // one non-zero group per category: full-width bars
        figure.legend = .below
        figure.size = PixelSize(width: 1650, height: 620)
        return figure
    }

    /// tanh's relative error against the step h, Float64 and Float32 on the same draws (mean over seeds, band
    /// min–max), log–log.
    static func precisionFigure(_ run: Run<Self>) -> Figure {
        let steps = run.settings.sweep
        var figure = Figure(title: "Centred differences in Float64 and Float32 (tanh layer)",
                            x: Axis(label: "step h", range: .between(steps.last!, steps.first!), scale: .log10),
                            y: Axis(label: "relative error (worst entry)", range: .between(1e-12, 10), scale: .log10))
        addBands(&figure, from: steps.last!, to: steps.first!)
        figure.addSeedBand(x: steps, perSeed: run.extra(\.sweep64), label: "Float64", arm: .he, points: true)
        figure.addSeedBand(x: steps, perSeed: run.extra(\.sweep32), label: "Float32", arm: .control, points: true)
        figure.add(.referenceLine(.vertical(x: run.settings.step), label: "h = 1e−5 (CS231n)"))
        figure.legend = .below
        figure.size = PixelSize(width: 760, height: 560)
        return figure
    }
}
