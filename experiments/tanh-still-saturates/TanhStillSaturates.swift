import ClaimKit
import Foundation
import NeuralEngine

/// Claim A4 of CLAIMS.md: "tanh is zero-centred but still saturates." The lecture's forward experiment (X = randn(1000,
/// 500) through 10 layers h = f(h·W) of 500 units, no bias) with tanh and, for comparison, sigmoid, at W = N(0, 1) and
/// at Xavier W = randn/√fan_in (the same draws). Negative control: the same nets with softsign x/(1+|x|), zero-centred
/// and bounded like tanh but with polynomial tails (report.md says why it could have passed).
@main
struct TanhStillSaturates: ClaimExperiment {
    struct Settings: Sendable { var inputRows = 1000, width = 500, depth = 10 }
    static let full = Settings()
    static let quick = Settings(inputRows: 200)

    struct Metrics: SeedMetrics {
        /// The least saturated layer's fraction of outputs in the flat part (|h| > 0.97 for tanh) at N(0, 1).
        var saturationLarge = 0.0
        /// The most saturated layer's fraction at Xavier.
        var saturationXavier = 0.0
        /// The largest |mean activation| over the layers and both initialisations.
        var largestMean = 0.0
    }

    struct Extra: SeedMetrics {
        /// tanh: the mean over layers of the fraction |h| > 0.99 at N(0, 1) (CLAIMS.md's reference: 90%), the mean local
        /// derivative tanh′ = 1 − h² over all layers at each init; sigmoid: the smallest mean activation over the
        /// layers at Xavier, its least saturated layer at N(0, 1), the mean σ′/max σ′ at N(0, 1).
        var strongSaturationLarge = 0.0, derivativeLarge = 0.0, derivativeXavier = 0.0
        var sigmoidMeanXavier = 0.0, sigmoidSaturationLarge = 0.0, sigmoidDerivativeLarge = 0.0
        /// The control (softsign): the mean local derivative (1 − |h|)² over all layers at N(0, 1).
        var controlDerivativeLarge = 0.0
        /// Curves per arm and init: the per-layer statistics.
        var layers: [Probe: [LayerStatistics]] = [:]
    }

    struct Facts: ClaimFacts {
        /// The sigmoid nets pass both saturation rules on every seed, and fail the zero-centring rule on every seed.
        var sigmoidPassesSaturationRules = false, sigmoidFailsZeroCentred = false
        /// The control's mean local derivative at N(0, 1) over tanh's (mean over seeds of the per-seed ratio).
        var controlToTanhDerivative = 0.0
        /// That ratio lies between ½ and 2 on every seed (the two derivatives are of the same size).
        var controlDerivativeLikeTanh = false
    }

    static func facts(_ run: Run<Self>) -> Facts {
        let sigmoid = run.extra(\.layers).map { metrics($0, .sigmoid) }
        func holdsEverywhere(_ id: String) -> Bool { sigmoid.allSatisfy(rules.first { $0.id == id }!.inForce.holds) }
        let ratios = zip(run.extra(\.controlDerivativeLarge), run.extra(\.derivativeLarge)).map { $0 / $1 }
        return Facts(sigmoidPassesSaturationRules: holdsEverywhere("saturation-large") && holdsEverywhere("saturation-xavier"),
                     sigmoidFailsZeroCentred: !sigmoid.contains(where: rules.first { $0.id == "zero-centred" }!.inForce.holds),
                     controlToTanhDerivative: ratios.reduce(0, +) / Double(ratios.count),
                     controlDerivativeLikeTanh: ratios.allSatisfy { 0.5 < $0 && $0 < 2 })
    }

    /// The ruled metrics of one arm from one seed's per-layer statistics.
    static func metrics(_ layers: [Probe: [LayerStatistics]], _ arm: ProbeArm) -> Metrics {
        let large = layers[Probe(arm: arm, scale: .large)]!, xavier = layers[Probe(arm: arm, scale: .xavier)]!
        return Metrics(saturationLarge: large.map(\.saturated).min()!, saturationXavier: xavier.map(\.saturated).max()!,
                       largestMean: (large + xavier).map { abs($0.mean) }.max()!)
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    static let rules = [
        Rule("saturation-large", \Metrics.saturationLarge, .greaterThan(0.8)),
        Rule("saturation-xavier", \Metrics.saturationXavier, .lessThan(0.05)),
        Rule.added("zero-centred", \Metrics.largestMean, .lessThan(0.02)),
    ]

    /// One seed: the input and the standard-normal weight draws are shared by every net, scaled by 1 or 1/√fan_in.
    static func measure(seed: Int, settings s: Settings, inputs: Void) throws -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let input = Tensor<Float>.normal(rows: s.inputRows, columns: s.width, using: &rng)
        let weightSeed = rng.next()
        var layers: [Probe: [LayerStatistics]] = [:]
        for probe in Probe.all {
            var weights = SeededGenerator(seed: weightSeed)
            layers[probe] = LayerStatistics.forward(input, arm: probe.arm, initializer: probe.initializer, depth: s.depth,
                                                    using: &weights)
        }
        func average(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let tanhLarge = layers[Probe(arm: .tanh, scale: .large)]!, tanhXavier = layers[Probe(arm: .tanh, scale: .xavier)]!
        let sigmoidLarge = layers[Probe(arm: .sigmoid, scale: .large)]!
        let extra = Extra(
            strongSaturationLarge: average(tanhLarge.map(\.stronglySaturated)),
            derivativeLarge: average(tanhLarge.map(\.derivative)), derivativeXavier: average(tanhXavier.map(\.derivative)),
            sigmoidMeanXavier: layers[Probe(arm: .sigmoid, scale: .xavier)]!.map(\.mean).min()!,
            sigmoidSaturationLarge: sigmoidLarge.map(\.saturated).min()!,
            sigmoidDerivativeLarge: average(sigmoidLarge.map(\.derivative)),
            controlDerivativeLarge: average(layers[Probe(arm: .softsign, scale: .large)]!.map(\.derivative)), layers: layers)
        return Outcome(claim: metrics(layers, .tanh), control: metrics(layers, .softsign), extra: extra)
    }
}
