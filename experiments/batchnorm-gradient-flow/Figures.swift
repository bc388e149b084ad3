import ClaimKit
import Foundation
import Gnuplot

extension BatchNormGradientFlow {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("gradient-norm-per-layer", gradientFigure(run))]
    }

    /// ‖∂L/∂h_l‖ per hidden layer, one panel per activation, with BN and with the identity in its place (mean over
    /// seeds, band min–max), log y; the ReLU panel adds Yang et al.'s rate anchored at the last hidden layer.
    static func gradientFigure(_ run: Run<Self>) -> Figure {
        let depth = run.settings.depth
        let layers = (1...depth).map(Double.init)
        let panels = variants.map { variant -> Figure in
            let title = variant.name == "ReLU" ? "ReLU (He init); dotted: Yang et al." : "\(variant.name) (LeCun init)"
            var panel = Figure(title: title, x: .counting("hidden layer l", upTo: depth),
                               y: Axis(label: "‖∂L/∂h_l‖", scale: .log10))
            panel.addSeedBand(x: layers, perSeed: run.extra(\.identityNorms).map { $0[variant.name]! },
                              label: "identity in place of BN", arm: .withoutNormalization, points: true)
            let withBN = run.extra(\.norms).map { $0[variant.name]! }
            panel.addSeedBand(x: layers, perSeed: withBN, label: "with BN", arm: .batchNorm, points: true)
            if variant.name == "ReLU" {
                let top = withBN.map { $0[depth - 1] }.reduce(0, +) / Double(withBN.count)
                panel.add(.line(x: layers, y: layers.map { top * Foundation.pow(yangRate, Double(depth) - $0) },
                                label: nil).paletteSlot(Arm.control.slot))
            }
            // One legend for the figure, inside the tanh panel where it has no data (above both lines, on the right).
            panel.legend = variant.name == "tanh" ? .topRight : .hidden
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: variants.count,
                                   title: "Gradient norm per hidden layer at initialisation", panels)
        figure.size = PixelSize(width: 1000, height: 470)
        return figure
    }
}
