import Gnuplot

/// Small figures whose whole script is pinned by the snapshot tests (a few points each, so the
/// expected text stays short enough to read).
enum SnapshotFigures {
    /// Lines on a log y axis, a band under the first, and a dashed threshold.
    static func logLinesWithBand() -> Figure {
        var figure = Figure(title: "Gradient norm per layer", caption: "Shrinks towards the input.")
        figure.x = Axis(label: "layer l")
        figure.y = Axis(label: "‖∂L/∂W_l‖", scale: .log10)
        figure.add(.band(x: [1, 2, 3], lower: [1e-4, 1e-3, 1e-2], upper: [4e-4, 4e-3, 4e-2], label: nil))
        figure.add(.line(x: [1, 2, 3], y: [2e-4, 2e-3, 2e-2], label: "sigmoid"))
        figure.add(.line(x: [1, 2, 3], y: [0.5, 0.5, 0.5], label: "ReLU"))
        figure.add(.referenceLine(.horizontal(y: 1e-3), label: "threshold"))
        return figure
    }

    /// A 2×2 grid of 3-bin histograms with one slot left empty.
    static func histogramGrid() -> Figure {
        let panels = (1...3).map { layer -> Figure in
            var panel = Figure(title: "layer \(layer)", x: Axis(label: "activation", range: .between(-1, 1)))
            panel.add(.histogram(binEdges: [-1, -1.0 / 3, 1.0 / 3, 1], counts: [Double(layer), 10, Double(layer)],
                                 label: nil))
            return panel
        }
        return Figure.panels(rows: 2, columns: 2, title: "Activations", caption: "Spread grows with depth.", panels)
    }

    /// Clustered bars on the left axis and a line on the right-hand twin axis.
    static func barsWithTwinAxis() -> Figure {
        var figure = Figure(title: "Accuracy and loss", caption: "")
        figure.y = Axis(label: "accuracy", range: .between(0, 1))
        figure.y2 = Axis(label: "loss")
        figure.add(.bars(categories: ["Xavier", "He"], values: [0.8, 0.9], label: "ReLU"))
        figure.add(.bars(categories: ["Xavier", "He"], values: [0.85, 0.8], label: "tanh"))
        figure.add(.line(x: [0, 1], y: [0.4, 0.3], label: "loss").onY2())
        figure.legend = .below
        return figure
    }
}
