/// A fully connected layer, y = x·W + b.
///
/// Shapes: x is N×D (`inputSize` = D), W is D×M, b is 1×M, y is N×M. Backward (CS231n `affine_backward`):
/// ∂L/∂W = xᵀ·∂L/∂y, ∂L/∂b = Σ_n ∂L/∂y[n], ∂L/∂x = ∂L/∂y·Wᵀ — each a BLAS product with transpose flags.
public final class Linear<Scalar: EngineScalar>: Layer {
    /// D×M weight matrix W.
    public let weight: Parameter<Scalar>
    /// 1×M bias b.
    public let bias: Parameter<Scalar>
    private var input: Tensor<Scalar>?

    /// A layer from `inputSize` to `outputSize` with W drawn by `initializer` (fan_in = D, fan_out = M) and b = `bias`.
    public init(_ inputSize: Int, _ outputSize: Int, initializer: Initializer, bias: Double = 0,
                using rng: inout SeededGenerator) {
        precondition(inputSize > 0 && outputSize > 0, "Linear: sizes must be positive, got \(inputSize)→\(outputSize)")
        weight = Parameter(name: "W", value: initializer.sample(fanIn: inputSize, fanOut: outputSize, using: &rng),
                           isDecayed: true)
        self.bias = Parameter(name: "b", value: Tensor(rows: 1, columns: outputSize, repeating: Scalar(bias)),
                              isDecayed: false)
    }

    /// A layer with the given weight (D×M) and bias (1×M), for tests and worked examples.
    public init(weight: Tensor<Scalar>, bias: Tensor<Scalar>) {
        precondition(bias.rows == 1 && bias.columns == weight.columns,
                     "Linear: bias \(bias.shape) does not match weight \(weight.shape)")
        self.weight = Parameter(name: "W", value: weight, isDecayed: true)
        self.bias = Parameter(name: "b", value: bias, isDecayed: false)
    }

    public var inputSize: Int { weight.value.rows }
    public var outputSize: Int { weight.value.columns }
    public var parameters: [Parameter<Scalar>] { [weight, bias] }
    public var description: String { "Linear(\(inputSize) → \(outputSize))" }

    public func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        precondition(input.columns == inputSize, "Linear: input \(input.rows)×\(input.columns) does not match weight \(inputSize)×\(outputSize)")
        self.input = input
        var output = Tensor.matmul(input, weight.value)
        output.addRowVectorInPlace(bias.value)
        return output
    }

    public func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        let gradients = backwardByName(outputGradient)
        return gradients.input
    }

    public func backwardParametersOnly(_ outputGradient: Tensor<Scalar>) {
        let x = requireCache(input, "Linear")
        weight.gradient = Tensor.matmul(x, outputGradient, transposeA: true)
        bias.gradient = outputGradient.columnSums()
    }

    /// Every gradient by name: ∂L/∂x (N×D), ∂L/∂W (D×M), ∂L/∂b (1×M). Also stores the parameter gradients.
    @discardableResult
    public func backwardByName(_ outputGradient: Tensor<Scalar>)
        -> (input: Tensor<Scalar>, weight: Tensor<Scalar>, bias: Tensor<Scalar>) {
        let x = requireCache(input, "Linear")
        precondition(outputGradient.rows == x.rows && outputGradient.columns == outputSize,
                     "Linear.backward: gradient \(outputGradient.shape) does not match output \(x.rows)×\(outputSize)")
        weight.gradient = Tensor.matmul(x, outputGradient, transposeA: true)
        bias.gradient = outputGradient.columnSums()
        let inputGradient = Tensor.matmul(outputGradient, weight.value, transposeB: true)
        return (inputGradient, weight.gradient, bias.gradient)
    }
}
