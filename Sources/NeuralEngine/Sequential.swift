/// A network of layers applied in order. It owns its layers (and so their parameters and gradients) and remembers,
/// from the last passes, every layer's output and the gradient with respect to it — what the probes read.
///
///     var rng = SeededGenerator(seed: 0)
///     let net = Sequential<Float>.mlp(sizes: [784, 256, 10], activation: .relu, initializer: .heNormal, using: &rng)
///     print(net)   // Sequential(Linear(784 → 256), ReLU(), Linear(256 → 10))
public final class Sequential<Scalar: EngineScalar>: CustomStringConvertible {
    public let layers: [any Layer<Scalar>]
    /// `outputs[i]` is layer i's output from the last `forward`.
    public private(set) var outputs: [Tensor<Scalar>] = []
    /// `outputGradients[i]` is ∂L/∂(layer i's output) from the last `backward`.
    public private(set) var outputGradients: [Tensor<Scalar>] = []

    public init(_ layers: [any Layer<Scalar>]) { self.layers = layers }

    /// Every learned parameter, layer by layer.
    public var parameters: [Parameter<Scalar>] { layers.flatMap { $0.parameters } }
    /// Number of learned scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    public var description: String {
        "Sequential(" + layers.map { $0.description }.joined(separator: ", ") + ")"
    }

    /// The network's output (scores) for an N×D batch.
    public func forward(_ input: Tensor<Scalar>, phase: Phase = .training) -> Tensor<Scalar> {
        var x = input
        outputs.removeAll(keepingCapacity: true)
        for layer in layers {
            x = layer.forward(x, phase: phase)
            outputs.append(x)
        }
        return x
    }

    /// Back-propagates ∂L/∂output through every layer, storing parameter gradients. Returns ∂L/∂input when
    /// `inputGradient` is true; otherwise the first layer skips that product and the result is nil.
    @discardableResult
    public func backward(_ outputGradient: Tensor<Scalar>, inputGradient: Bool = false) -> Tensor<Scalar>? {
        precondition(outputs.count == layers.count, "Sequential.backward called before forward")
        var gradients = [Tensor<Scalar>](repeating: outputGradient, count: layers.count)
        var g = outputGradient
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            gradients[i] = g
            if i == 0 && !inputGradient {
                layers[i].backwardParametersOnly(g)
                outputGradients = gradients
                return nil
            }
            g = layers[i].backward(g)
        }
        outputGradients = gradients
        return g
    }

    /// One training step on a labelled batch with softmax cross-entropy: forward, backward, optimizer update.
    /// Returns the batch loss before the update (NaN or ∞ when training has diverged — the caller decides).
    @discardableResult
    public func trainStep(_ input: Tensor<Scalar>, labels: [Int], optimizer: some Optimizer<Scalar>) -> Double {
        let loss = softmaxCrossEntropy(forward(input, phase: .training), labels: labels)
        backward(loss.gradient)
        optimizer.update(parameters)
        return loss.value
    }

    /// Scores in the evaluation phase, computed in chunks of `batchSize` rows (BatchNorm uses running statistics,
    /// so the chunking does not change the result).
    public func predict(_ input: Tensor<Scalar>, batchSize: Int = 1000) -> Tensor<Scalar> {
        var chunks: [Scalar] = []
        var columns = input.columns
        var start = 0
        while start < input.rows {
            let end = min(start + batchSize, input.rows)
            let scores = forward(input.gatheringRows(Array(start..<end)), phase: .evaluation)
            columns = scores.columns
            chunks.append(contentsOf: scores.scalars)
            start = end
        }
        return Tensor(rows: input.rows, columns: columns, scalars: chunks)
    }
}

extension Sequential {
    /// A multilayer perceptron sizes[0] → sizes[1] → … → sizes.last: Linear layers (weights from `initializer`,
    /// biases 0) with `activation` after every hidden one, and `normalization` (if any) between each hidden Linear
    /// and its activation (Ioffe & Szegedy's placement). The last layer outputs raw scores.
    public static func mlp(sizes: [Int], activation: Activation<Scalar>.Function, initializer: Initializer,
                           normalization: Normalization? = nil, using rng: inout SeededGenerator) -> Sequential {
        precondition(sizes.count >= 2, "Sequential.mlp: need at least input and output sizes, got \(sizes)")
        var layers: [any Layer<Scalar>] = []
        for i in 0..<sizes.count - 1 {
            layers.append(Linear<Scalar>(sizes[i], sizes[i + 1], initializer: initializer, using: &rng))
            guard i < sizes.count - 2 else { break }
            switch normalization {
            case .batch: layers.append(BatchNorm<Scalar>(features: sizes[i + 1]))
            case .layer: layers.append(LayerNorm<Scalar>(features: sizes[i + 1]))
            case nil: break
            }
            layers.append(Activation<Scalar>(activation))
        }
        return Sequential(layers)
    }

    /// A multilayer perceptron whose hidden Linear layers (weights from `initializer`, biases 0) are each followed by
    /// the layers `hidden()` returns, e.g. a mutated activation for a negative control, or a normalisation and an
    /// activation: `mlp(sizes: [784, 256, 10], initializer: .lecunNormal, using: &rng) { [Activation(.sigmoid)] }`.
    public static func mlp(sizes: [Int], initializer: Initializer, using rng: inout SeededGenerator,
                           hidden: () -> [any Layer<Scalar>]) -> Sequential {
        precondition(sizes.count >= 2, "Sequential.mlp: need at least input and output sizes, got \(sizes)")
        var layers: [any Layer<Scalar>] = []
        for i in 0..<sizes.count - 1 {
            layers.append(Linear<Scalar>(sizes[i], sizes[i + 1], initializer: initializer, using: &rng))
            if i < sizes.count - 2 { layers += hidden() }
        }
        return Sequential(layers)
    }

    /// Which normalisation layer `mlp` puts before each hidden activation.
    public enum Normalization: Sendable { case batch, layer }
}
