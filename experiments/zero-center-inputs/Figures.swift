import ClaimKit
import Datasets
import Gnuplot
import NeuralEngine

extension ZeroCenterInputs {
    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("loss-at-best-rate", lossFigure(run)), NamedFigure("eigen-spectrum", spectrumFigure(run)),
         NamedFigure("cs231n-cloud", cloudFigure()), NamedFigure("leakage-check", leakageFigure(run))]
    }

    static let arms: [(key: Preprocessing, label: String, arm: Arm)] = [
        (.raw, "raw pixels", .raw), (.centred, "centred", .centred), (.standardised, "per-pixel standardised", .standardised),
        (.scaled, "x / σ, not centred (control)", .control),
    ]

    /// (a) final training loss against learning rate; (b) the loss curve at each preprocessing's best rate.
    static func lossFigure(_ run: Run<Self>) -> Figure {
        let rates = run.settings.learningRates
        var sweep = Figure(title: "(a) training loss after \(run.settings.steps) SGD steps",
                           x: Axis(label: "learning rate η", range: .between(rates.first! / 1.5, rates.last! * 1.5),
                                   scale: .log10, ticks: rates),
                           y: Axis(label: "softmax cross-entropy, whole training subset", range: .between(0.3, 1)))
        let window = run.settings.curveWindow
        let steps = stride(from: 0, to: run.settings.steps, by: window).map { Double($0 + window) }
        var curves = Figure(title: "(b) at each preprocessing's best η (each seed its own)",
                            x: Axis(label: "training step", range: .between(0, Double(run.settings.steps))),
                            y: Axis(label: "mini-batch loss, mean over \(window) steps", range: .between(0.3, 1.2)))
        for arm in arms {
            let runs = run.extra(\.runs).map { $0[arm.key.rawValue]! }
            sweep.addSeedBand(x: rates, perSeed: runs.map(\.finalLoss), label: arm.label, arm: arm.arm, points: true)
            curves.addSeedBand(x: steps, perSeed: runs.map { $0.curves[$0.best] }, label: arm.label, arm: arm.arm)
        }
        sweep.legend = .below
        curves.legend = .hidden
        var figure = Figure.panels(rows: 1, columns: 2, title: "Softmax regression on Fashion-MNIST, plain SGD",
                                   [sweep, curves])
        figure.size = PixelSize(width: 1100, height: 480)
        return figure
    }

    /// λ_k of E[xxᵀ] against k, log–log (eigenvalues that round to 0 are left out).
    static func spectrumFigure(_ run: Run<Self>) -> Figure {
        var figure = Figure(title: "Eigenvalues of E[xxᵀ] over the training images",
                            x: Axis(label: "component k", range: .between(0.8, 1000), scale: .log10),
                            y: Axis(label: "λ_k", range: .between(1e-8, 1e4), scale: .log10))
        for arm in arms {
            let spectra = run.extra(\.runs).map { $0[arm.key.rawValue]!.spectrum.map { $0 > 1e-8 ? $0 : .nan } }
            figure.addSeedBand(x: spectra[0].indices.map { Double($0 + 1) }, perSeed: spectra, label: arm.label, arm: arm.arm)
        }
        figure.legend = .bottomLeft
        figure.size = PixelSize(width: 760, height: 480)
        return figure
    }

    /// CS231n's picture: a correlated 2-D cloud, centred, and divided by each dimension's standard deviation — fitted
    /// and applied by the same preprocessors as the images (400 points, seed 0).
    static func cloudFigure() -> Figure {
        var rng = SeededGenerator(seed: 0)
        let points = (0..<400).flatMap { _ -> [Double] in
            let (u, v) = (rng.normal(), rng.normal())
            return [5 + 2.5 * u, 3 + 0.9 * u + 0.5 * v]
        }
        let x = Tensor<Double>(rows: 400, columns: 2, scalars: points)
        let panels = [("original data", x, Arm.raw), ("zero-centred", MeanSubtraction.fit(x).apply(x), .centred),
                      ("normalised", FeatureStandardization.fit(x).apply(x), .standardised)].map { title, data, arm in
            var panel = Figure(title: title, x: Axis(label: "x₁", range: .between(-10, 14)),
                               y: Axis(label: "x₂", range: .between(-10, 14)))
            panel.add(.referenceLine(.horizontal(y: 0), label: nil))
            panel.add(.referenceLine(.vertical(x: 0), label: nil))
            panel.add(.points(x: data.column(0), y: data.column(1), label: nil).paletteSlot(arm.slot))
            panel.legend = .hidden
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: 3, title: "The CS231n preprocessing picture", panels)
        figure.size = PixelSize(width: 1200, height: 440)
        return figure
    }

    /// First seed: (a) each pixel's mean over the preprocessed test set against μ_test − μ_train; (b) how far it
    /// lies from μ_test − μ_train, with the rule's threshold.
    static func leakageFigure(_ run: Run<Self>) -> Figure {
        let extra = run.outcomes[0].extra, shift = extra.shift   // μ_test − μ_train
        let shown: [(key: Preprocessing, label: String, arm: Arm)] = [
            (.centred, "μ fitted on the training subset", .centred), (.leaky, "μ refit on the test set", .other(0))]
        let limit = shift.map(abs).max()! * 1.1
        let ticks = stride(from: -0.02, through: 0.02, by: 0.005).filter { abs($0) < limit }
        var scatter = Figure(title: "(a) test set after centring, per pixel",
                             x: Axis(label: "μ_test − μ_train", range: .between(-limit, limit), ticks: ticks),
                             y: Axis(label: "mean of the centred test images", range: .between(-limit, limit), ticks: ticks))
        scatter.add(.referenceLine(.segment(from: (-limit, -limit), to: (limit, limit)), label: "y = μ_test − μ_train"))
        var error = Figure(title: "(b) |mean − (μ_test − μ_train)| per pixel (dashed: the rule's 1e−5)",
                           x: Axis(label: "pixel", range: .between(0, 785)),
                           y: Axis(label: "absolute difference", range: .between(1e-11, 1), scale: .log10))
        error.add(.referenceLine(.horizontal(y: 1e-5), label: nil))
        for arm in shown {
            let means = extra.runs[arm.key.rawValue]!.testMean
            scatter.add(.points(x: shift, y: means, label: arm.label).paletteSlot(arm.arm.slot))
            let differences = zip(means, shift).map { abs($0 - $1) }
            error.add(.points(x: differences.indices.map { Double($0 + 1) }, y: differences.map { $0 > 0 ? $0 : .nan },
                              label: nil).paletteSlot(arm.arm.slot))
        }
        scatter.legend = .below
        error.legend = .hidden
        var figure = Figure.panels(rows: 1, columns: 2, title: "Leakage check, seed \(run.seeds[0])", [scatter, error])
        figure.size = PixelSize(width: 1100, height: 500)
        return figure
    }
}
