import ClaimKit
import Datasets
import Gnuplot
import NeuralEngine

extension PCAWhiteningClaim {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("cs231n-cloud", cloudFigure()), NamedFigure("variance-spectrum", spectrumFigure(run)),
         NamedFigure("principal-components", componentsFigure(run)),
         NamedFigure("accuracy-and-amplification", accuracyFigure(run))]
    }

    /// Each representation's legend entry, bar label and colour.
    static let arms: [(key: Representation, label: String, bar: String, arm: Arm)] = [
        (.raw, "raw pixels", "raw", .raw), (.pca100, "PCA-100", "PCA-100", .pca),
        (.whitened100, "PCA-100 whitened, ε = 1e−5", "100 wh. ε=1e−5", .whitened),
        (.pixelStandardised, "100 pixels ÷ own σ, no rotation (control)", "100 pixels ÷ σ", .control),
        (.whitenedLargeEpsilon, "784 whitened, ε = 0.1", "784 wh. ε=0.1", .other(2)),
        (.whitenedSmallEpsilon, "784 whitened, ε = 1e−5", "784 wh. ε=1e−5", .other(1)),
        (.plain, "784 whitened, no ε", "784 wh. no ε", .other(4)),
    ]

    /// CS231n's PCA picture: a correlated 2-D cloud, decorrelated (PCA coordinates) and whitened — by the same PCA
    /// and PCAWhitening code as the images (400 points, seed 0).
    static func cloudFigure() -> Figure {
        var rng = SeededGenerator(seed: 0)
        let x = Tensor<Double>(rows: 400, columns: 2, scalars: (0..<400).flatMap { _ -> [Double] in
            let (a, b) = (rng.normal(standardDeviation: 2.2), rng.normal(standardDeviation: 0.6))
            return [4 + 0.8 * a - 0.6 * b, 3 + 0.6 * a + 0.8 * b]   // rotated by 37°
        })
        let pca = PCA.fit(x)
        let panels = [("original data", x, Arm.raw), ("decorrelated (PCA rotation)", pca.apply(x), .pca),
                      ("whitened", PCAWhitening(pca: pca, epsilon: 1e-5).apply(x), .whitened)]
            .map { title, data, arm in
                var panel = Figure(title: title, x: Axis(label: "dimension 1", range: .between(-8, 10)),
                                   y: Axis(label: "dimension 2", range: .between(-8, 10)))
                for line in [ReferenceLine.horizontal(y: 0), .vertical(x: 0)] { panel.add(.referenceLine(line, label: nil)) }
                panel.add(.points(x: data.column(0), y: data.column(1), label: nil).paletteSlot(arm.slot))
                panel.legend = .hidden
                return panel
            }
        var figure = Figure.panels(rows: 1, columns: 3, title: "The CS231n PCA and whitening picture", panels)
        figure.size = PixelSize(width: 1200, height: 440)
        return figure
    }

    /// (a) the eigenvalues of the training covariance with the two ε; (b) the cumulative explained variance.
    static func spectrumFigure(_ run: Run<Self>) -> Figure {
        let k = run.extra(\.eigenvalues)[0].indices.map { Double($0 + 1) }
        let componentAxis = Axis(label: "component k", range: .between(0.8, 1000), scale: .log10)
        var spectrum = Figure(title: "(a) eigenvalues λ_k of the covariance (lines: ε = 0.1 and 1e−5)",
                              x: componentAxis, y: Axis(label: "λ_k", range: .between(1e-10, 1e2), scale: .log10))
        spectrum.addSeedBand(x: k, perSeed: run.extra(\.eigenvalues).map { $0.map { $0 > 0 ? $0 : .nan } }, label: nil, arm: .pca)
        for epsilon in [0.1, 1e-5] { spectrum.add(.referenceLine(.horizontal(y: epsilon), label: nil)) }
        spectrum.legend = .hidden
        var cumulative = Figure(title: "(b) fraction of the variance in the first k components", x: componentAxis,
                                y: Axis(label: "cumulative explained variance", range: .between(0.4, 1.02)))
        cumulative.addSeedBand(x: k, perSeed: run.extra(\.cumulative), label: "measured", arm: .pca)
        cumulative.add(.points(x: [10, 50, 100, 187], y: [0.720, 0.863, 0.912, 0.950],
                               label: "float64 reference (CLAIMS.md)").paletteSlot(Arm.control.slot))
        for line in [ReferenceLine.horizontal(y: 0.9), .vertical(x: 100)] { cumulative.add(.referenceLine(line, label: nil)) }
        cumulative.legend = .bottomRight
        var figure = Figure.panels(rows: 1, columns: 2, title: "PCA of Fashion-MNIST training images", [spectrum, cumulative])
        figure.size = PixelSize(width: 1100, height: 460)
        return figure
    }

    /// The first principal directions of the first seed as 28×28 images, two rows, each scaled to max |u| = 1.
    static func componentsFigure(_ run: Run<Self>) -> Figure {
        let components = run.outcomes[0].extra.components, perRow = (components.count + 1) / 2, side = 28, gap = 2
        let width = perRow * (side + gap) - gap, height = 2 * side + gap
        var mosaic = [[Double]](repeating: [Double](repeating: .nan, count: width), count: height)
        for (i, u) in components.enumerated() {
            let scale = u.map(abs).max()!
            for r in 0..<side {
                for c in 0..<side {
                    // Row 0 of the image at the top: heatmap rows grow upwards.
                    mosaic[height - 1 - ((i / perRow) * (side + gap) + r)][(i % perRow) * (side + gap) + c] = u[r * side + c] / scale
                }
            }
        }
        var figure = Figure(title: "Principal directions u₁ … u\(components.count) (row by row), seed \(run.seeds[0])",
                            x: Axis(range: .between(-0.5, Double(width) - 0.5), ticks: [-100]),   // no tick inside
                            y: Axis(range: .between(-0.5, Double(height) - 0.5), ticks: [-100]))
        figure.colorbar = Axis(label: "u_k / max |u_k|", range: .between(-1, 1))
        figure.add(.heatmap(mosaic))
        figure.size = PixelSize(width: 1100, height: 340)
        return figure
    }

    /// (a) max |C − I| on the test images, per seed; (b) test accuracy, mean with min–max whiskers; (c) the whitened
    /// test variance per direction.
    static func accuracyFigure(_ run: Run<Self>) -> Figure {
        var distance = Figure(title: "(a) max |C − I| on the test images, one point per seed (dashed: the rule's \(Numbers.compact(tolerance)))",
                              x: Axis(range: .between(0.5, 4.5), ticks: [-100]),
                              y: Axis(label: "max_ij |C_ij − δ_ij|", range: .between(0.01, 1e3), scale: .log10))
        distance.add(.referenceLine(.horizontal(y: tolerance), label: nil))
        let shown: [(Representation, KeyPath<Outcome<Metrics, Extra>, Double>)] = [
            (.whitened100, \.claim.testDistance), (.pixelStandardised, \.control.testDistance),
            (.whitenedSmallEpsilon, \.extra.testDistanceSmall), (.plain, \.extra.testDistancePlain)]
        for (i, (key, path)) in shown.enumerated() {
            let arm = arms.first { $0.key == key }!
            let values = run.outcomes.map { $0[keyPath: path] }
            distance.add(.points(x: values.map { _ in Double(i + 1) }, y: values, label: arm.label).paletteSlot(arm.arm.slot))
        }
        distance.legend = .outsideRight
        let names = arms.map(\.bar)
        var accuracy = Figure(title: "(b) softmax regression, test accuracy (bar: mean, whisker: min–max)",
                              x: Axis(), y: Axis(label: "test accuracy", range: .between(0, 1)))
        accuracy.barLayout = .stacked
        for (i, arm) in arms.enumerated() {
            let values = run.extra(\.runs).map { $0[arm.key.rawValue]!.testAccuracy }
            let mean = values.reduce(0, +) / Double(values.count)
            accuracy.add(.bars(categories: names, values: names.indices.map { $0 == i ? mean : 0 }, label: nil)
                .paletteSlot(arm.arm.slot))
            accuracy.add(.line(x: [Double(i), Double(i)], y: [values.min()!, values.max()!], label: nil)
                .paletteSlot(arm.arm.slot))
        }
        accuracy.legend = .hidden
        let k = run.extra(\.eigenvalues)[0].indices.map { Double($0 + 1) }
        var variance = Figure(title: "(c) whitened variance on the test images, the weakest directions",
                              x: Axis(label: "direction k (by training variance λ_k, largest first)", range: .between(600, 790)),
                              y: Axis(label: "Var_test(u_k·x) / (λ_k + ε)", range: .between(1e-4, 1e3), scale: .log10))
        variance.add(.referenceLine(.horizontal(y: 1), label: nil))
        for arm in arms where run.outcomes[0].extra.testVariance[arm.key.rawValue] != nil {
            variance.addSeedBand(x: k, perSeed: run.extra(\.testVariance).map { $0[arm.key.rawValue]! }, label: arm.label,
                                 arm: arm.arm)
        }
        variance.legend = .topLeft
        var figure = Figure.panels(rows: 3, columns: 1, title: "Whitening Fashion-MNIST: distance from I, accuracy, amplified directions",
                                   [distance, accuracy, variance])
        figure.size = PixelSize(width: 1300, height: 1500)
        return figure
    }
}
