import ClaimKit
import Foundation
import Gnuplot
import NeuralEngine

/// Claim W4 of CLAIMS.md: one note gives "Xavier normal std = √(3/(in+out))". Glorot & Bengio's normal has std
/// √(2/(in+out)) and their uniform ±√(6/(in+out)); √(3/n) is the *uniform* limit for variance 1/n.
///
/// X = randn(N, 256) goes through 20 square layers (fan_in = fan_out = n) drawn by each formula — as a linear net and
/// as a tanh net with the same weights — and the per-layer gain of the activation variance (forward) and of the squared
/// gradient (backward) is measured. Xavier's defining property is a gain of 1 both ways; the note's std gives 1.5.
/// Expected `not reproduced`; Glorot's own normal formula, through the same measurement, is the positive control.
@main
struct XavierNormalFormula: ClaimExperiment {
    struct Settings: Sendable {
        var inputRows = 1000
        var width = 256
        var depth = 20
    }
    static let full = Settings()
    static let quick = Settings(inputRows: 200)

    struct Metrics: SeedMetrics {
        /// (Var h_depth / Var x)^(1/depth) in the linear net.
        var forwardGain = 0.0
        /// (‖∂L/∂h_1‖² / ‖∂L/∂h_depth‖²)^(1/(depth−1)) in the linear net.
        var backwardGain = 0.0
    }

    struct Extra: SeedMetrics {
        var forwardGainUniform = 0.0
        /// Var W × (in + out) of the first layer, per formula.
        var weightVarianceNote = 0.0, weightVarianceGlorot = 0.0, weightVarianceUniform = 0.0
        /// Activation variance at the last layer, linear and tanh nets.
        var linearLastNote = 0.0, linearLastGlorot = 0.0, linearLastUniform = 0.0
        var tanhLastNote = 0.0, tanhLastGlorot = 0.0, tanhLastUniform = 0.0
        /// Last tanh layer's fraction with |h| > 0.97, and the tanh net's backward gain.
        var tanhSaturationNote = 0.0, tanhSaturationGlorot = 0.0
        var tanhBackwardGainNote = 0.0, tanhBackwardGainGlorot = 0.0
        /// Curves per formula: Var h_l for layers 1…depth.
        var linearVariances: [Formula: [Double]] = [:]
        var tanhVariances: [Formula: [Double]] = [:]
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule.added("forward-gain", \Metrics.forwardGain, .between(0.95, 1.05)),
        Rule.added("backward-gain", \Metrics.backwardGain, .between(0.95, 1.05)),
    ]

    /// One seed: an input X ~ N(0, 1) and a read-out G ~ N(0, 1), shared by the formulas, and each formula's weights
    /// from the same sub-stream (so the two normal formulas scale the same standard-normal draws).
    static func measure(seed: Int, settings: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        var data = rng.split()
        let input = Tensor<Float>.normal(rows: settings.inputRows, columns: settings.width, using: &data)
        let upstream = Tensor<Float>.normal(rows: settings.inputRows, columns: settings.width, using: &data)
        let weightSeed = rng.next()
        var p: [Formula: Propagation] = [:]
        for formula in Formula.allCases {
            var weights = SeededGenerator(seed: weightSeed)
            p[formula] = Propagation(formula: formula, input: input, upstream: upstream, depth: settings.depth,
                                     using: &weights)
        }
        let note = p[.note]!, glorot = p[.glorotNormal]!, uniform = p[.glorotUniform]!
        func metrics(_ p: Propagation) -> Metrics { Metrics(forwardGain: p.forwardGain, backwardGain: p.backwardGain) }
        let extra = Extra(
            forwardGainUniform: uniform.forwardGain,
            weightVarianceNote: note.weightVarianceTimesFans, weightVarianceGlorot: glorot.weightVarianceTimesFans,
            weightVarianceUniform: uniform.weightVarianceTimesFans,
            linearLastNote: note.linearVariances.last!, linearLastGlorot: glorot.linearVariances.last!,
            linearLastUniform: uniform.linearVariances.last!,
            tanhLastNote: note.tanhVariances.last!, tanhLastGlorot: glorot.tanhVariances.last!,
            tanhLastUniform: uniform.tanhVariances.last!,
            tanhSaturationNote: note.tanhSaturation, tanhSaturationGlorot: glorot.tanhSaturation,
            tanhBackwardGainNote: note.tanhBackwardGain, tanhBackwardGainGlorot: glorot.tanhBackwardGain,
            linearVariances: p.mapValues(\.linearVariances), tanhVariances: p.mapValues(\.tanhVariances))
        return Outcome(claim: metrics(note), control: metrics(glorot), extra: extra)
    }

    static func figures(_ run: Run<Self>) -> [NamedFigure] {
        [NamedFigure("activation-variance-per-layer", varianceFigure(run))]
    }

    /// Activation variance against layer, linear net (left) and tanh net (right), log y; 1.5^l and 1 dashed.
    static func varianceFigure(_ run: Run<Self>) -> Figure {
        let depth = run.settings.depth
        let layers = (1...depth).map(Double.init)
        func panel(_ title: String, _ curves: KeyPath<Extra, [Formula: [Double]]>, theory: Bool) -> Figure {
            var panel = Figure(title: title, x: .counting("layer l", upTo: depth),
                               y: Axis(label: "Var h_l", scale: .log10))
            for formula in Formula.allCases {
                panel.addSeedBand(x: layers, perSeed: run.extra(curves).map { $0[formula]! }, label: formula.rawValue,
                                  arm: formula.arm, points: true)
            }
            if theory {
                panel.add(.referenceLine(.function("1.5**x"), label: "1.5^l (theory, note)"))
                panel.add(.referenceLine(.horizontal(y: 1), label: "1 (theory, Glorot)"))
            }
            panel.legend = theory ? .topLeft : .hidden   // one legend, where the left panel has no data; it covers both
            return panel
        }
        var figure = Figure.panels(rows: 1, columns: 2,
                                   title: "Activation variance through \(depth) square layers of \(run.settings.width)",
                                   [panel("linear net: h_l = h_(l−1)·W_l", \.linearVariances, theory: true),
                                    panel("tanh net: h_l = tanh(h_(l−1)·W_l)", \.tanhVariances, theory: false)])
        figure.size = PixelSize(width: 1100, height: 540)
        return figure
    }
}
