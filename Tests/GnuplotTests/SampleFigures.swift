import Foundation
import Gnuplot

/// Figures shaped like the project's real ones, with data from closed-form expressions (no random draws),
/// so snapshots and renders are the same on every run.
enum SampleFigures {
    /// Gradient norm per layer on a log axis, with a min–max band under each mean line and a threshold.
    static func gradientNorms(layers: Int = 10) -> Figure {
        var figure = Figure(title: "Gradient norm per layer", caption: "Sigmoid gradients shrink by ~4× per layer.")
        figure.x = Axis(label: "layer l")
        figure.y = Axis(label: "‖∂L/∂W_l‖ (mean over seeds)", scale: .log10)
        let x = (1...layers).map(Double.init)
        // Sigmoid: σ′ ≤ 1/4, so the norm falls by about 4× per layer towards the input; ReLU stays flat.
        let sigmoid = x.map { 0.25 * pow(0.25, Double(layers) - $0) }
        let relu = x.map { 0.8 + 0.05 * sin($0) }
        figure.add(.band(x: x, lower: sigmoid.map { $0 * 0.5 }, upper: sigmoid.map { $0 * 1.8 }, label: nil))
        figure.add(.line(x: x, y: sigmoid, label: "sigmoid σ"))
        figure.add(.band(x: x, lower: relu.map { $0 * 0.8 }, upper: relu.map { $0 * 1.25 }, label: nil))
        figure.add(.linePoints(x: x, y: relu, label: "ReLU"))
        figure.add(.referenceLine(.horizontal(y: 1e-3), label: "vanishing: 10⁻³"))
        figure.legend = .bottomRight
        return figure
    }

    /// Histograms of tanh activations: rows are initialisations, columns are layers.
    static func activationHistograms(rows: Int = 3, columns: Int = 10, bins: Int = 21) -> Figure {
        let scales = [("σ = 0.01", 0.01), ("Xavier", 1.0), ("σ = 1", 4.0)]
        let edges = (0...bins).map { -1 + 2 * Double($0) / Double(bins) }
        var panels: [Figure] = []
        for row in 0..<rows {
            let (name, gain) = scales[row % scales.count]
            for layer in 1...columns {
                // Spread of tanh outputs: shrinks geometrically for small σ, saturates for large σ.
                let spread = gain < 0.1 ? pow(0.3, Double(layer)) : (gain > 2 ? 3.0 : 0.6)
                let counts = zip(edges.dropFirst(), edges).map { upper, lower -> Double in
                    let centre = (upper + lower) / 2
                    let z = atanh(max(min(centre, 0.999), -0.999)) / max(spread, 1e-6)
                    return (1000 * exp(-0.5 * z * z) / (1 - centre * centre)).rounded()
                }
                var panel = Figure(title: "\(name), layer \(layer)")
                panel.x = Axis(range: .between(-1, 1))
                panel.add(.histogram(binEdges: edges, counts: counts, label: nil).paletteSlot(row))
                panels.append(panel)
            }
        }
        return Figure.panels(rows: rows, columns: columns, title: "tanh activations per layer (rows: initialisation)",
                             caption: "Small σ collapses to 0; large σ saturates at ±1.", panels)
    }

    /// Accuracy bars per initialiser (clustered by activation) with the final loss on a twin axis.
    static func accuracyBars() -> Figure {
        let initialisers = ["zeros", "N(0, 0.01²)", "Xavier", "He"]
        var figure = Figure(title: "Final accuracy by initialiser", caption: "He suits ReLU; Xavier suits tanh.")
        figure.y = Axis(label: "test accuracy", range: .between(0, 1))
        figure.y2 = Axis(label: "final loss", scale: .log10)
        figure.add(.bars(categories: initialisers, values: [0.1, 0.62, 0.84, 0.88], label: "ReLU"))
        figure.add(.bars(categories: initialisers, values: [0.1, 0.71, 0.86, 0.83], label: "tanh"))
        figure.add(.linePoints(x: [0, 1, 2, 3], y: [2.303, 1.1, 0.42, 0.35], label: "loss (ReLU)").onY2())
        figure.legend = .below
        return figure
    }

    /// A heatmap of a correlation-like matrix with a diverging value range.
    static func weightHeatmap(size: Int = 24) -> Figure {
        var figure = Figure(title: "Input covariance after whitening", caption: "Whitening makes the covariance the identity.")
        figure.x = Axis(label: "feature j")
        figure.y = Axis(label: "feature i")
        figure.colorbar = Axis(label: "Σ_ij", range: .between(-0.2, 1))
        let values = (0..<size).map { i in (0..<size).map { j in i == j ? 1.0 : 0.1 * cos(Double(i * j) / 7) } }
        figure.add(.heatmap(values))
        return figure
    }

    /// A log–log scatter with a theoretical slope segment and a vertical marker.
    static func scalingScatter() -> Figure {
        var figure = Figure(title: "Activation std vs fan-in", caption: "Std falls as n^(−½) without rescaling.")
        figure.x = Axis(label: "fan-in n", scale: .log2)
        figure.y = Axis(label: "std of activations", scale: .log10)
        let n = (4...12).map { pow(2, Double($0)) }
        figure.add(.points(x: n, y: n.map { 1.05 / sqrt($0) }, label: "measured"))
        figure.add(.referenceLine(.segment(from: (x: 16, y: 0.25), to: (x: 4096, y: 0.015625)), label: "slope −½"))
        figure.add(.referenceLine(.vertical(x: 784), label: "MNIST input n = 784"))
        figure.add(.referenceLine(.function("sqrt(2.0/x)"), label: "He: √(2/n)").paletteSlot(3))
        figure.legend = .topRight
        return figure
    }
}
