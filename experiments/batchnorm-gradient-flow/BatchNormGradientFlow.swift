import ClaimKit
import Datasets
import Foundation
import NeuralEngine

/// Claim B4c of CLAIMS.md: "Batch normalization is a method to remove vanishing gradients."
///
/// ‖∂L/∂h_l‖ per hidden layer at initialisation through 784-[256]×10-10 nets with sigmoid and tanh (LeCun
/// N(0, 1/fan_in)) and ReLU (He N(0, 2/fan_in)), BN before every activation, on one batch of Fashion-MNIST. Negative
/// control: the same nets, same weights, with every BN replaced by the identity. ReLU's growth with BN is compared
/// with the rate Yang et al. (2019) derive, √(π/(π−1)).
@main
struct BatchNormGradientFlow: ClaimExperiment {
    struct Settings: Sendable {
        var batchSize = 256
        var depth = 10
        var width = 256
        /// Fashion-MNIST training images loaded; each seed draws its batch from them.
        var examples = 2000
    }
    static let full = Settings()
    static let quick = Settings()
    static let quickSeedCount = 2

    struct Metrics: SeedMetrics {
        /// Per-layer factor of ‖∂L/∂h‖ (geometric mean over the hidden layers), per activation.
        var sigmoidFactor = 0.0, tanhFactor = 0.0, reluFactor = 0.0
    }

    struct Extra: SeedMetrics {
        /// ‖∂L/∂h₁‖ / ‖∂L/∂h₁₀‖ with BN, per activation, and for sigmoid with the identity in BN's place.
        var sigmoidFirstToLast = 0.0, tanhFirstToLast = 0.0, reluFirstToLast = 0.0, sigmoidFirstToLastIdentity = 0.0
        /// Curves: per activation name, ‖∂L/∂h_l‖ for l = 1…L, with BN and with the identity in its place.
        var norms: [String: [Double]] = [:]
        var identityNorms: [String: [Double]] = [:]
    }

    struct Facts: ClaimFacts {
        /// Mean-field per-layer gains √(E[φ′(z)²]/Var φ(z)), z ~ N(0, 1); for ReLU Yang et al.'s √(π/(π−1)).
        var meanFieldSigmoid = 0.0, meanFieldTanh = 0.0, yangRate = 0.0
    }

    static let reportTemplate = Bundle.module.url(forResource: "report", withExtension: "md")

    /// Yang et al. (2019): a deep ReLU net with BN at initialisation multiplies ‖∂L/∂h‖ by √(π/(π−1)) per layer.
    static let yangRate = (Double.pi / (Double.pi - 1)).squareRoot()

    static let rules = [
        Rule.added("sigmoid-no-vanishing", \Metrics.sigmoidFactor, .greaterThan(1)),
        Rule.added("tanh-no-vanishing", \Metrics.tanhFactor, .greaterThan(1)),
        Rule.added("relu-grows-at-yang-rate", \Metrics.reluFactor, .between(0.95 * yangRate, 1.05 * yangRate)),
    ]

    /// One activation of the study, with the initialisation its plain net needs.
    struct Variant: Sendable {
        let name: String
        let function: Activation<Float>.Function
        let initializer: Initializer
    }

    static let variants = [
        Variant(name: "sigmoid", function: .sigmoid, initializer: .lecunNormal),
        Variant(name: "tanh", function: .tanh, initializer: .lecunNormal),
        Variant(name: "ReLU", function: .relu, initializer: .heNormal),
    ]

    static func load(_ settings: Settings) throws -> LabeledDataset<Float> {
        try FashionMNIST.standardizedTraining(Float.self, limit: settings.examples)
    }

    /// One seed: a batch drawn from `data`; per activation one weight stream, measured with BN and with the identity
    /// in its place (the same weights: BN has no random parameters).
    static func measure(seed: Int, settings: Settings, inputs data: LabeledDataset<Float>) throws
        -> Outcome<Metrics, Extra> {
        var rng = SeededGenerator(seed: UInt64(seed))
        let batch = data.subset(Array(rng.permutation(data.count).prefix(settings.batchSize)))
        var withBN: [String: GradientFlow] = [:], identity: [String: GradientFlow] = [:]
        for variant in variants {
            let weights = rng.split()
            for normalization in [Sequential<Float>.Normalization.batch, nil] {
                var stream = weights
                let flow = GradientFlow(activation: variant.function, initializer: variant.initializer,
                                        normalization: normalization, depth: settings.depth, width: settings.width,
                                        batch: batch.features, labels: batch.labels, using: &stream)
                if normalization == nil { identity[variant.name] = flow } else { withBN[variant.name] = flow }
            }
        }
        func metrics(_ flows: [String: GradientFlow]) -> Metrics {
            Metrics(sigmoidFactor: flows["sigmoid"]!.attenuation, tanhFactor: flows["tanh"]!.attenuation,
                    reluFactor: flows["ReLU"]!.attenuation)
        }
        let extra = Extra(sigmoidFirstToLast: withBN["sigmoid"]!.firstToLast, tanhFirstToLast: withBN["tanh"]!.firstToLast,
                          reluFirstToLast: withBN["ReLU"]!.firstToLast,
                          sigmoidFirstToLastIdentity: identity["sigmoid"]!.firstToLast,
                          norms: withBN.mapValues(\.hiddenGradientNorms),
                          identityNorms: identity.mapValues(\.hiddenGradientNorms))
        return Outcome(claim: metrics(withBN), control: metrics(identity), extra: extra)
    }

    static func facts(_ run: Run<Self>) -> Facts {
        Facts(meanFieldSigmoid: meanFieldBatchNormGain(.sigmoid), meanFieldTanh: meanFieldBatchNormGain(.tanh),
              yangRate: yangRate)
    }
}
