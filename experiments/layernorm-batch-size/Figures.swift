import ClaimKit
import Gnuplot

extension LayerNormBatchSize {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("accuracy-vs-batch-size", accuracyFigure(run)), NamedFigure("accuracy-per-epoch", epochFigure(run))]
    }

    static func label(_ name: String) -> String {
        ["BN": "batch norm", "LN": "layer norm", "none": "no normalisation (control)",
         "BN, scalar": "batch norm", "LN, scalar": "layer norm"][name]!
    }

    /// Training accuracy after the last epoch against the batch size (log x), one line per arm (mean over seeds,
    /// min–max band): left with CS231n's per-pixel mean (the rules' run), right with one scalar mean.
    static func accuracyFigure(_ run: Run<Self>) -> Figure {
        let batches = run.settings.batchSizes
        let sides: [(title: String, arms: [(name: String, arm: Arm)])] = [
            ("per-pixel mean, scalar std (CS231n; ruled)", arms.map { ($0.name, $0.arm) }),
            ("one scalar mean and std", [("BN, scalar", .batchNorm), ("LN, scalar", .layerNorm)])]
        let panels = sides.map { side -> Figure in
            var panel = Figure(title: side.title, x: Axis(label: "batch size", range: .between(4, 60), scale: .log10,
                                                          ticks: batches.map(Double.init)),
                               y: Axis(label: "training accuracy (evaluation phase)", range: .between(0.5, 1)))
            for arm in side.arms {
                panel.addSeedBand(x: batches.map(Double.init),
                                  perSeed: run.extra(\.curves).map { c in batches.map { c[arm.name]![$0]!.last! } },
                                  label: label(arm.name), arm: arm.arm, points: true)
            }
            // One legend, where the left panel has no data; the right panel's arms are a subset of the left's.
            panel.legend = side.title == sides[0].title ? .bottomLeft : .hidden
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: 2, title: "Training accuracy after \(run.settings.epochs) epochs, "
                                   + "Adam η = 10^−3.5 at every batch size", panels)
        figure.size = PixelSize(width: 1000, height: 480)
        return figure
    }

    /// Training accuracy per epoch at each batch size, one panel per batch size.
    static func epochFigure(_ run: Run<Self>) -> Figure {
        let epochs = run.settings.epochs
        let panels = run.settings.batchSizes.enumerated().map { index, batch -> Figure in
            var panel = Figure(title: "batch \(batch)", x: .counting("epoch", upTo: epochs),
                               y: Axis(label: "training accuracy", range: .between(0, 1)))
            for arm in arms {
                panel.addSeedBand(x: (1...epochs).map(Double.init),
                                  perSeed: run.extra(\.curves).map { Array($0[arm.name]![batch]!.dropFirst()) },
                                  label: label(arm.name), arm: arm.arm)
            }
            panel.legend = index == 0 ? .bottomRight : .hidden   // one legend, where the batch-5 panel has no data
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: panels.count, title: "Training accuracy per epoch", panels)
        figure.size = PixelSize(width: 1100, height: 460)
        return figure
    }
}
