import ClaimKit
import Foundation
import Gnuplot

extension TanhStillSaturates {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("saturation-per-layer", perLayerFigure(run))]
    }

    /// Per layer, one column per weight scale and one colour per arm (mean over seeds, min–max band): the saturated
    /// fraction with its rule's threshold dashed (the Xavier panel zoomed to it), |mean activation| on a log axis with
    /// the zero-centring threshold dashed, and the mean local derivative.
    static func perLayerFigure(_ run: Run<Self>) -> Figure {
        let s = run.settings, layers = (1...s.depth).map(Double.init)
        let rows: [(label: String, value: KeyPath<LayerStatistics, Double>)] = [
            ("saturated fraction", \.saturated), ("|mean activation|", \.absoluteMean), ("mean f′(z) / max f′", \.derivative)]
        var panels: [Figure] = []
        for (row, quantity) in rows.enumerated() {
            for (column, scale) in WeightScale.allCases.enumerated() {
                let range: AxisRange = row == 1 ? .between(1e-6, 1) : row == 2 ? .between(0, column == 0 ? 0.15 : 1.05)
                    : column == 0 ? .between(0, 1.05) : .between(0, 0.1)
                var panel = Figure(title: row == 0 ? scale.rawValue : nil,
                                   x: .counting(row == rows.count - 1 ? "layer l" : "", upTo: s.depth),
                                   y: Axis(label: column == 0 ? quantity.label : nil, range: range,
                                           scale: row == 1 ? .log10 : .linear))
                for arm in ProbeArm.allCases {
                    let perSeed = run.extra(\.layers).map { $0[Probe(arm: arm, scale: scale)]!.map { $0[keyPath: quantity.value] } }
                    panel.addSeedBand(x: layers, perSeed: perSeed, label: arm.rawValue, arm: arm.colour, points: true)
                }
                if row < 2 {
                    let threshold = row == 1 ? 0.02 : column == 0 ? 0.8 : 0.05
                    panel.add(.referenceLine(.horizontal(y: threshold), label: "the rule's threshold"))
                }
                // One legend, in the Xavier saturation panel above its data (zoomed to 0–0.1, the data stay below 0.05).
                panel.legend = row == 0 && column == 1 ? .topRight : .hidden
                panels.append(panel)
            }
        }
        var figure = Figure.panels(rows: rows.count, columns: 2,
                                   title: "\(s.depth) layers of \(s.width), no bias, input randn(\(s.inputRows), \(s.width))", panels)
        figure.size = PixelSize(width: 1000, height: 1000)
        return figure
    }
}
