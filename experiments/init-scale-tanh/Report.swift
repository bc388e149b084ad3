import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine
import Reporting

extension InitScaleTanh {
    static func f(_ x: Double) -> String { NumberFormat.format(x, significant: 3) }
    static func f2(_ x: Double) -> String { NumberFormat.format(x, significant: 2) }
    static func meanStd(_ m: LegacyEvidence.Metric) -> String {
        NumberFormat.format(mean: m.summary.mean, std: m.summary.standardDeviation, significant: 3)
    }
    static func percent(_ x: Double) -> String { NumberFormat.format(100 * x, significant: 3) + "%" }
    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
    /// Mean over seeds of a per-layer quantity.
    static func layerMeans(_ results: [SeedResult], _ value: (SeedResult) -> [Double]) -> [Double] {
        let perSeed = results.map(value)
        return perSeed[0].indices.map { l in mean(perSeed.map { $0[l] }) }
    }

    static func report(_ results: [SeedResult], evidence: LegacyEvidence, settings: Settings, seeds: [Int]) -> LegacyClaimReport {
        let depth = settings.depth
        let stds = Dictionary(uniqueKeysWithValues: InitScale.allCases.map { scale in
            (scale, layerMeans(results) { $0.probes[scale]!.layers.map(\.standardDeviation) })
        })
        let saturation = Dictionary(uniqueKeysWithValues: InitScale.allCases.map { scale in
            (scale, layerMeans(results) { $0.probes[scale]!.layers.map(\.saturatedFraction) })
        })
        let loss = { (key: String) in evidence[key].summary.mean }
        let smallLoss = loss("small-loss"), largeLoss = loss("large-loss"), xavierLoss = loss("healthy-loss")
        let summary = "Through \(depth) tanh layers of \(settings.width) units, W = 0.01·randn shrinks the activation "
            + "std by 0.01·√\(settings.width) ≈ \(f(0.01 * Double(settings.width).squareRoot())) per layer, from \(f(stds[.small]![0])) at layer 1 to "
            + "\(f2(stds[.small]![depth - 1])) at layer \(depth) (\(f(evidence["small-collapse"].summary.mean)) × the "
            + "collapse law (0.01·√\(settings.width))^\(depth)); W = randn leaves at least \(percent(evidence["large-saturation"].summary.minimum)) "
            + "of every layer's outputs at |h| > 0.97; Xavier's randn/√fan_in keeps the std between "
            + "\(f(stds[.xavier]!.min()!)) and \(f(stds[.xavier]!.max()!)). Trained for \(settings.steps) SGD steps, the "
            + "std-0.01 net is still at chance (probe loss \(f(smallLoss)), ln 10 = 2.303), the std-1 net reaches "
            + "\(f(largeLoss)) and the Xavier net \(f(xavierLoss)). The gradients behave differently from what the "
            + "notes suggest: at std 0.01 every layer's ‖∂L/∂W‖ is about \(f2(evidence["lecture-gradient-ratio"].summary.mean))× "
            + "smaller than Xavier's but the same in all layers (max ÷ min "
            + "\(f(evidence["lecture-gradient-spread-small"].summary.mean))), and at std 1 the backward signal grows by "
            + "\(f(evidence["lecture-backward-gain-large"].summary.mean))× per layer towards the input."
        let seedList = seeds.map(String.init).joined(separator: ", ")
        let setup = Table(header: ["part", "data", "network", "init", "optimizer", "steps", "seeds", "precision"], rows: [
            ["activation statistics (the lecture's code)",
             "X: \(settings.inputRows)×\(settings.width) entries N(0, 1) (a seeded draw); gradient: a random read-out "
                + "L = Σ G ⊙ h₁₀, G ~ N(0, 1)",
             "\(depth) × [Linear \(settings.width)→\(settings.width), no bias; tanh]",
             "W = 0.01·randn, 1.0·randn, randn/√fan_in (LeCun N(0, 1/fan_in), CS231n's \"Xavier\"); the three share "
                + "the same randn draws",
             "— (one forward and backward pass)", "—", seedList, "Float32"],
            ["training",
             "first \(settings.trainingExamples) Fashion-MNIST training images, scalar-standardised; loss on the next "
                + "\(settings.probeExamples) (held-out probe)",
             "784-[\(settings.trainingWidth)]×\(settings.trainingDepth)-10 tanh",
             "hidden layers as above; output layer always LeCun N(0, 1/fan_in); biases 0",
             "SGD, η = \(settings.learningRate), batch \(settings.batchSize), softmax cross-entropy",
             "\(settings.steps)", seedList, "Float32"],
        ])
        var report = LegacyClaimReport(
            summary: summary,
            keyNumber: "layer-\(depth) std: std 0.01 → \(f2(stds[.small]![depth - 1])), std 1 → "
                + "\(f(stds[.large]![depth - 1])) (saturated), Xavier → \(f(stds[.xavier]![depth - 1]))",
            setup: setup)
        report.add("activation-histograms", histogramFigure(results, settings: settings))
        report.add("activation-std-per-layer", standardDeviationFigure(results, settings: settings))
        report.add("training-loss", trainingFigure(results, settings: settings))

        let smallGradients = layerMeans(results) { $0.probes[.small]!.weightGradientNorms }
        let largeGradients = layerMeans(results) { $0.probes[.large]!.weightGradientNorms }
        let xavierGradients = layerMeans(results) { $0.probes[.xavier]!.weightGradientNorms }
        var perLayer = Table(header: ["layer", "std, W = 0.01·randn", "std, W = randn", "|h| > 0.97, W = randn",
                                      "std, Xavier", "|h| > 0.97, Xavier", "‖∂L/∂W‖, 0.01", "‖∂L/∂W‖, randn",
                                      "‖∂L/∂W‖, Xavier"])
        for l in 0..<depth {
            perLayer.append(["\(l + 1)", f(stds[.small]![l]), f(stds[.large]![l]), percent(saturation[.large]![l]),
                             f(stds[.xavier]![l]), percent(saturation[.xavier]![l]), f(smallGradients[l]),
                             f(largeGradients[l]), f(xavierGradients[l])])
        }
        report.extraSections = [("Layer by layer (the lecture's net, mean over seeds)", [
            .paragraph("Activation std and saturated fraction of each tanh layer, and the weight-gradient norm of each "
                       + "layer under the random read-out L = Σ G ⊙ h₁₀ (G ~ N(0, 1)), for the \(settings.inputRows) "
                       + "random inputs."),
            .table(perLayer),
        ])]

        report.besideTheOriginal = [
            ("activation std per layer, W = 0.01·randn (10 × 500 tanh, X = randn(1000, 500))",
             "CS231n Lecture 6: \"all activations become zero!\"; CLAIMS.md float64 reference 0.213, 0.0475, … "
                + "2.97e-7 = (0.01·√500)^l",
             "\(f(stds[.small]![0])), \(f(stds[.small]![1])), … \(f(stds[.small]![depth - 1]))"),
            ("W = 1.0·randn",
             "lecture: \"almost all neurons completely saturated, either −1 and 1\"; reference std 0.982 at every "
                + "layer, 90% with |h| > 0.99",
             "std \(f(stds[.large]!.min()!))–\(f(stds[.large]!.max()!)); "
                + "\(percent(saturation[.large]!.min()!))–\(percent(saturation[.large]!.max()!)) with |h| > 0.97"),
            ("W = randn/√fan_in (\"Xavier\")",
             "lecture: \"reasonable initialization\"; reference std 0.628 … 0.228; Glorot & Bengio Fig. 6: with their "
                + "normalised init the histograms stay alike across layers",
             "\(f(stds[.xavier]![0])) … \(f(stds[.xavier]![depth - 1]))"),
            ("‖∂L/∂W‖ Xavier ÷ std 0.01", "CLAIMS.md reference ≈ 1.7e5, uniform across layers",
             "\(meanStd(evidence["lecture-gradient-ratio"])) (lecture net); max ÷ min over layers at std 0.01: "
                + "\(meanStd(evidence["lecture-gradient-spread-small"]))"),
            ("training loss after 300 steps (6×256 tanh, SGD 0.1)", "reference: std 0.01 stays at 2.303, Xavier 0.43",
             "std 0.01: \(meanStd(evidence["small-loss"])), Xavier: \(meanStd(evidence["healthy-loss"])), "
                + "std 1: \(meanStd(evidence["large-loss"])) (held-out probe, after \(settings.steps) steps)"),
        ]

        let smallTrainingGain = mean(results.map { $0.training[.small]!.backwardGainPerLayer })
        report.caveats = [
            "**The careful statement about gradients.** The notes say a small W makes the gradients go to 0 "
                + "(∂A/∂W = X → 0) and a big W makes them vanish (∂F/∂A → 0). Both halves need care. With W = 0.01·randn "
                + "the forward signal shrinks by 0.01·√\(settings.width) per layer going up and the backward signal by the same factor "
                + "going down, so ‖∂L/∂W_l‖ = ‖h_{l−1}ᵀ·∂L/∂z_l‖ carries the same product in every layer: the weight "
                + "gradients are uniformly tiny — \(f2(evidence["lecture-gradient-ratio"].summary.mean))× smaller than "
                + "Xavier's, max ÷ min over the 10 layers \(f(evidence["lecture-gradient-spread-small"].summary.mean)) — "
                + "not vanishing towards the early layers. In the trained \(settings.trainingDepth)×\(settings.trainingWidth) net (with its LeCun output layer) the "
                + "same holds at a smaller factor, \(f2(evidence["training-gradient-ratio"].summary.mean))× (max ÷ min "
                + "\(f(evidence["training-gradient-spread-small"].summary.mean))), and the net stays at chance: SGD at "
                + "η = \(settings.learningRate) cannot move weights whose gradients are that small. With W = randn "
                + "most tanh′ are ≈ 0, but the √\(settings.width)-fold weight gain wins: the backward signal grows by "
                + "\(f(evidence["lecture-backward-gain-large"].summary.mean))× per layer towards the input "
                + "(\(f(evidence["training-backward-gain-large"].summary.mean))× in the \(settings.trainingDepth)×\(settings.trainingWidth) net) — it explodes, "
                + "and that net does learn, slowly (loss \(f(largeLoss)) after \(settings.steps) steps).",
            "**\"Xavier\" here is LeCun's N(0, 1/fan_in)**, the CS231n notes' w = randn(n)/√n. Glorot & Bengio's "
                + "Xavier normal has variance 2/(fan_in + fan_out), the same for these square \(settings.width)×\(settings.width) layers (see the "
                + "xavier-normal-formula claim). Healthy is not constant: tanh′ < 1 away from 0, so the Xavier std "
                + "still drifts down with depth (\(f(stds[.xavier]![0])) → \(f(stds[.xavier]![depth - 1]))), slowly; "
                + "backward, ‖∂L/∂h_l‖ changes by \(f(evidence["lecture-backward-gain-xavier"].summary.mean))× per layer.",
            "**The Float32 floor.** The engine computes tanh x as (1 − e^(−2|x|))/(1 + e^(−2|x|)) in Float32, so near 0 "
                + "its outputs come in steps of ≈ 3e-8 (half the spacing of floats just below 1) and |x| below ≈ 1.5e-8 "
                + "gives exactly 0. At layer \(depth) the std-0.01 activations (std \(f2(stds[.small]![depth - 1]))) are "
                + "only about ten steps wide; the rounding is unbiased, so their std still follows the collapse law, but "
                + "a layer or two more — or a narrower net — would show exact zeros made by the arithmetic rather than "
                + "by the weights (float64 numpy, as in the lecture, keeps shrinking smoothly).",
            "**Setup.** Part 1 is the lecture's code (random Gaussian inputs, no bias, no data); the gradient uses a "
                + "random linear read-out because that net has no loss. Part 2's number is the cross-entropy on "
                + "\(settings.probeExamples) held-out training images after the last step (the curve in the figure is "
                + "the mean mini-batch loss); CLAIMS.md does not say which loss or batch size its reference used, so "
                + "compare the picture — stuck at chance, slow, fast — rather than the second digit. "
                + "The output layer is always LeCun-initialised, so an std-1 hidden init does not also blow up the "
                + "logits; the std-0.01 net's backward gain per layer there is \(f(smallTrainingGain)).",
        ]
        return report
    }

    /// The lecture's picture: one row of per-layer histograms over [−1, 1] per initialisation (mean over seeds).
    static func histogramFigure(_ results: [SeedResult], settings: Settings) -> Figure {
        let depth = settings.depth
        var panels: [Figure] = []
        for (row, scale) in InitScale.allCases.enumerated() {
            let shares: [[Double]] = (0..<depth).map { l in
                let perSeed = results.map { r -> [Double] in
                    let counts = r.probes[scale]!.layers[l].histogram.counts
                    let total = Double(counts.reduce(0, +))
                    return counts.map { 100 * Double($0) / total }
                }
                return perSeed[0].indices.map { b in mean(perSeed.map { $0[b] }) }
            }
            let top = niceCeiling(shares.flatMap { $0 }.max()! * 1.08)
            let centres = results[0].probes[scale]!.layers[0].histogram.binCentres
            for l in 0..<depth {
                var panel = Figure(title: "layer \(l + 1)",
                                   x: Axis(label: row == InitScale.allCases.count - 1 ? "h" : nil, range: .between(-1.15, 1.15)),
                                   y: Axis(label: l == 0 ? "\(rowName(scale)): % of h" : nil, range: .between(0, top)))
                panel.add(.histogram(centres: centres, counts: shares[l], width: 2 / Double(centres.count), label: nil)
                    .paletteSlot(scale.slot))
                panel.legend = .hidden
                panels.append(panel)
            }
        }
        let xavierFirst = mean(results.map { $0.probes[.xavier]!.standardDeviation(layer: 1) })
        let xavierLast = mean(results.map { $0.probes[.xavier]!.standardDeviation(layer: depth) })
        var figure = Figure.panels(
            rows: InitScale.allCases.count, columns: depth,
            title: "tanh activations per layer, \(depth) × \(settings.width) net (rows: init; columns: layer)",
            caption: "Histograms over [−1, 1] (\(DeepTanhProbe.histogramBins) bins) of the outputs of each of the "
                + "\(depth) tanh layers for \(settings.inputRows) random inputs; height = percentage of the "
                + "\(settings.inputRows)·\(settings.width) activations in the bin, mean over seeds; each row has its own "
                + "vertical scale. Look for: with W = 0.01·randn (top) the distribution narrows layer by layer into the "
                + "two bins at 0 — the activations collapse; with W = randn (middle) nearly everything sits in the end "
                + "bins at ±1 in every layer — saturated; with Xavier (bottom) every layer keeps a broad bell around 0, "
                + "narrowing only slowly (std \(f(xavierFirst)) at layer 1, \(f(xavierLast)) at layer \(depth)).",
            panels)
        figure.size = PixelSize(width: 1400, height: 720)
        return figure
    }

    static func rowName(_ scale: InitScale) -> String {
        switch scale {
        case .small: "std 0.01"
        case .large: "std 1.0"
        case .xavier: "Xavier"
        }
    }

    /// The smallest of 0.05, 0.1, 0.2, 0.25, 0.5, 0.6, 0.8, 1 (×10^k) that is ≥ x.
    static func niceCeiling(_ x: Double) -> Double {
        let power = Foundation.pow(10, Foundation.floor(Foundation.log10(x)))
        for step in [1.0, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where step * power >= x * (1 - 1e-12) {
            return step * power
        }
        return 10 * power
    }

    /// Activation std against layer on a log axis, with the collapse law (0.01·√500)^l dashed.
    static func standardDeviationFigure(_ results: [SeedResult], settings: Settings) -> Figure {
        let layers = (1...settings.depth).map(Double.init)
        var figure = Figure(
            title: "Activation std per layer, \(settings.depth) × \(settings.width) tanh net",
            caption: "Standard deviation of each tanh layer's outputs for \(settings.inputRows) random inputs; line: "
                + "mean over seeds, band: min–max over seeds (narrower than the lines). Dashed: (0.01·√\(settings.width))^l, the "
                + "collapse law for W = 0.01·randn while tanh is linear. Look for: std 0.01 falls on the dashed line, "
                + "a factor ≈ \(f(0.01 * Double(settings.width).squareRoot())) per layer to ≈ 10⁻⁷ at layer \(settings.depth); std 1.0 stays flat just under 1 "
                + "(saturated at ±1); Xavier stays of order 1, drifting down slowly.",
            x: Axis(label: "layer l", range: .between(0.8, Double(settings.depth) + 0.2)),
            // Up to 3 so the saturated line just under 1 is not drawn on the frame.
            y: Axis(label: "std of tanh outputs h_l", range: .between(1e-7, 3), scale: .log10))
        for scale in InitScale.allCases {
            let perSeed = results.map { $0.probes[scale]!.layers.map(\.standardDeviation) }
            if perSeed.count > 1 {
                figure.add(.band(x: layers, lower: layers.indices.map { l in perSeed.map { $0[l] }.min()! },
                                 upper: layers.indices.map { l in perSeed.map { $0[l] }.max()! }, label: nil)
                    .paletteSlot(scale.slot))
            }
            figure.add(.linePoints(x: layers, y: layers.indices.map { l in mean(perSeed.map { $0[l] }) },
                                   label: "W: \(scale.rawValue)").paletteSlot(scale.slot))
        }
        figure.add(.referenceLine(.function("(0.01*sqrt(\(settings.width)))**x"), label: "(0.01·√\(settings.width))^l"))
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 440)
        return figure
    }

    /// Training loss against step per initialisation (mean over seeds, min–max band), with chance ln 10 dashed.
    static func trainingFigure(_ results: [SeedResult], settings: Settings) -> Figure {
        let smallStuck = results.allSatisfy { r in r.training[.small]!.losses.allSatisfy { $0 > 2.2 } }
        let xavierFinal = mean(results.map { $0.training[.xavier]!.losses.last! })
        let largeFinal = mean(results.map { $0.training[.large]!.losses.last! })
        var figure = Figure(
            title: "Training a 784-[\(settings.trainingWidth)]×\(settings.trainingDepth)-10 tanh net from each init",
            caption: "Mean mini-batch loss over each \(settings.recordInterval) steps of SGD (η = "
                + "\(settings.learningRate), batch \(settings.batchSize)); step 0: the held-out probe's loss at "
                + "initialisation. Line: mean over seeds, band: min–max over seeds. Dashed: chance, ln 10. Look for: "
                + (smallStuck ? "the std-0.01 net never leaves chance (its line lies on the dashed one), "
                              : "the std-0.01 net barely moves from chance, ")
                + "the Xavier net falls fastest (to \(f(xavierFinal)) at the last step), and the saturated std-1.0 net "
                + (largeFinal < xavierFinal ? "ends lower" : "learns, but more slowly (\(f(largeFinal)))") + ".",
            x: Axis(label: "training step", range: .between(0, Double(settings.steps))),
            y: Axis(label: "cross-entropy loss", range: .from(0)))
        let steps = results[0].training[.xavier]!.steps.map(Double.init)
        for scale in InitScale.allCases {
            let perSeed = results.map { $0.training[scale]!.losses }
            guard perSeed.allSatisfy({ $0.count == steps.count }) else { continue }
            if perSeed.count > 1 {
                figure.add(.band(x: steps, lower: steps.indices.map { k in perSeed.map { $0[k] }.min()! },
                                 upper: steps.indices.map { k in perSeed.map { $0[k] }.max()! }, label: nil)
                    .paletteSlot(scale.slot))
            }
            figure.add(.line(x: steps, y: steps.indices.map { k in mean(perSeed.map { $0[k] }) },
                             label: "W: \(scale.rawValue)").paletteSlot(scale.slot))
        }
        figure.add(.referenceLine(.horizontal(y: Foundation.log(10)), label: "chance, ln 10"))
        figure.legend = .below
        figure.size = PixelSize(width: 640, height: 440)
        return figure
    }
}
