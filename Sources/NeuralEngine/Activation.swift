import Foundation

/// An elementwise nonlinearity y = f(x), applied to every entry of an N×D batch; ∂L/∂x = f′(x) ⊙ ∂L/∂y.
///
///     let act = Activation<Float>(.relu)      // prints "ReLU()"
public final class Activation<Scalar: EngineScalar>: Layer {
    /// The functions of CS231n Lecture 6, each with f and f′.
    public enum Function: Equatable, Sendable, CustomStringConvertible {
        /// σ(x) = 1/(1+e⁻ˣ); σ′ = σ(1−σ), at most 1/4 (at 0).
        case sigmoid
        /// tanh x = 2σ(2x) − 1; tanh′ = 1 − tanh², at most 1. Computed through eˣ − 1 (glibc `tanhf` is 4× slower).
        case tanh
        /// max(0, x) (Nair & Hinton 2010); derivative 1 for x > 0, else 0 (0 at the kink).
        case relu
        /// x for x > 0, else αx, α = `slope` (Maas et al. 2013: α = 0.01); for 0 ≤ α ≤ 1 this is max(αx, x) — the
        /// CS231n notes' "max(0.01, x)" means max(0.01x, x). Derivative 1 for x > 0, else α.
        case leakyReLU(slope: Double)
        /// x for x > 0, α(eˣ − 1) otherwise (Clevert et al. 2015), computed as α·expm1(x) so that small negative
        /// inputs keep full relative precision; derivative 1 for x > 0, else α·eˣ (computed from x, not as f(x) + α,
        /// which is exactly 0 in Float below x ≈ −17.3).
        case elu(alpha: Double)

        public var description: String {
            switch self {
            case .sigmoid: "Sigmoid()"
            case .tanh: "Tanh()"
            case .relu: "ReLU()"
            case .leakyReLU(let slope): "LeakyReLU(α: \(slope))"
            case .elu(let alpha): "ELU(α: \(alpha))"
            }
        }

        /// f(x) for one value (for plotting curves; layers use the vectorised loops).
        public func value(_ x: Double) -> Double {
            switch self {
            case .sigmoid: 1 / (1 + Foundation.exp(-x))
            case .tanh: Foundation.tanh(x)
            case .relu: max(0, x)
            case .leakyReLU(let slope): x > 0 ? x : slope * x
            case .elu(let alpha): x > 0 ? x : alpha * Foundation.expm1(x)
            }
        }

        /// f′(x) for one value.
        public func derivative(_ x: Double) -> Double {
            switch self {
            case .sigmoid: value(x) * (1 - value(x))
            case .tanh: 1 - Foundation.tanh(x) * Foundation.tanh(x)
            case .relu: x > 0 ? 1 : 0
            case .leakyReLU(let slope): x > 0 ? 1 : slope
            case .elu(let alpha): x > 0 ? 1 : alpha * Foundation.exp(x)
            }
        }
    }

    public let function: Function
    private var input: Tensor<Scalar>?
    private var output: Tensor<Scalar>?

    public init(_ function: Function) { self.function = function }
    public var description: String { function.description }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        let output = Tensor<Scalar>(rows: input.rows, columns: input.columns) { y in
            input.scalars.withUnsafeBufferPointer { x in
                switch function {
                case .sigmoid:
                    for i in 0..<y.count { y[i] = Self.sigmoid(x[i]) }
                case .tanh:
                    for i in 0..<y.count {
                        // tanh|x| = (1 − e^(−2|x|))/(1 + e^(−2|x|)) = −m/(2 + m) with m = expm1(−2|x|): no cancellation
                        // near 0 (keeps full relative precision for tiny activations) and no overflow for large |x|.
                        let m = Scalar.expm1(-2 * abs(x[i]))
                        let magnitude = -m / (2 + m)
                        y[i] = x[i] < 0 ? -magnitude : magnitude
                    }
                case .relu:
                    // `x < 0 ? 0 : x` rather than `x > 0 ? x : 0`: a NaN input stays NaN (divergence is not hidden).
                    for i in 0..<y.count { y[i] = x[i] < 0 ? 0 : x[i] }
                case .leakyReLU(let slope):
                    let a = Scalar(slope)
                    for i in 0..<y.count { y[i] = x[i] > 0 ? x[i] : a * x[i] }
                case .elu(let alpha):
                    let a = Scalar(alpha)
                    // expm1, not exp(x) − 1: in Float, exp(−1e-4) − 1 cancels to ~3e-4 relative error (thousands of ulps).
                    for i in 0..<y.count { y[i] = x[i] > 0 ? x[i] : a * Scalar.expm1(x[i]) }
                }
            }
        }
        self.input = input
        self.output = output
        return output
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        let x = requireCache(input, "\(function)"), y = requireCache(output, "\(function)")
        precondition(outputGradient.rows == y.rows && outputGradient.columns == y.columns,
                     "\(function).backward: gradient \(outputGradient.shape) does not match output \(y.shape)")
        return Tensor<Scalar>(rows: y.rows, columns: y.columns) { dx in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                x.scalars.withUnsafeBufferPointer { x in
                    y.scalars.withUnsafeBufferPointer { y in
                        switch function {
                        case .sigmoid:
                            for i in 0..<dx.count { dx[i] = dy[i] * y[i] * (1 - y[i]) }
                        case .tanh:
                            for i in 0..<dx.count { dx[i] = dy[i] * (1 - y[i] * y[i]) }
                        // Load dy unconditionally and select: a branch on the sign of x mispredicts half the time,
                        // a select vectorises.
                        case .relu:
                            for i in 0..<dx.count { let g = dy[i]; dx[i] = x[i] > 0 ? g : 0 }
                        case .leakyReLU(let slope):
                            let a = Scalar(slope)
                            for i in 0..<dx.count { let g = dy[i]; dx[i] = x[i] > 0 ? g : a * g }
                        case .elu(let alpha):
                            // α·eᶻ from the cached input, not y + α: in Float α·expm1(z) rounds to exactly −α below
                            // z ≈ −17.3, so y + α would be an artificial 0 where the true α·eᶻ is non-zero (to z ≈ −104).
                            let a = Scalar(alpha)
                            for i in 0..<dx.count { dx[i] = x[i] > 0 ? dy[i] : dy[i] * (a * Scalar.exp(x[i])) }
                        }
                    }
                }
            }
        }
    }

    /// σ(x), written so that neither branch overflows: 1/(1+e⁻ˣ) for x ≥ 0, eˣ/(1+eˣ) for x < 0.
    @inline(__always)
    static func sigmoid(_ x: Scalar) -> Scalar {
        if x >= 0 { return 1 / (1 + Scalar.exp(-x)) }
        let e = Scalar.exp(x)
        return e / (1 + e)
    }
}
