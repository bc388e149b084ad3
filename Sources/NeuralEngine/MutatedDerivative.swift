/// An activation whose forward pass is `function` but whose backward pass multiplies by `derivative(x, y)` instead of
/// the true f′(x) — a deliberate bug, for negative controls and gradient-check tests: `σ′ coded as 1` is
/// `MutatedDerivative(.sigmoid) { _, _ in 1 }`, `σ′ coded as σ` is `{ _, y in y }`.
///
/// Not a hot path: plain loops over the cached input x and output y.
public final class MutatedDerivative<Scalar: EngineScalar>: Layer {
    public let function: Activation<Scalar>.Function
    /// The derivative used in place of f′: (x, y = f(x)) → value.
    public let derivative: @Sendable (Double, Double) -> Double
    private let activation: Activation<Scalar>

    public init(_ function: Activation<Scalar>.Function, derivative: @escaping @Sendable (Double, Double) -> Double) {
        self.function = function
        self.derivative = derivative
        activation = Activation(function)
    }

    public var description: String { "\(function.description) with a mutated derivative" }

    private var input: Tensor<Scalar>?
    private var output: Tensor<Scalar>?

    public func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        let output = activation.forward(input, phase: phase)
        self.input = input
        self.output = output
        return output
    }

    public func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        let x = requireCache(input, description).scalars, y = requireCache(output, description).scalars
        let dy = outputGradient.scalars
        return Tensor(rows: outputGradient.rows, columns: outputGradient.columns,
                      scalars: dy.indices.map { i in dy[i] * Scalar(derivative(Double(x[i]), Double(y[i]))) })
    }
}
