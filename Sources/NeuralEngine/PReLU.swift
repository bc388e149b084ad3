/// Parametric ReLU (He et al. 2015, "Delving Deep into Rectifiers", eq. 1): y = x for x > 0, else α·x, with α learned.
///
/// α is 1×D (one per unit, "channel-wise") or 1×1 (one per layer, "channel-shared"); initialised to 0.25 as in the
/// paper, and excluded from weight decay (§2.1). Gradients: ∂L/∂x = ∂L/∂y for x > 0 else α·∂L/∂y;
/// ∂L/∂α_d = Σ_{n: x[n,d] ≤ 0} x[n,d]·∂L/∂y[n,d] (summed over d too when α is shared).
public final class PReLU<Scalar: EngineScalar>: Layer {
    /// Whether each unit learns its own slope or the layer shares one.
    public enum Sharing: Sendable { case perUnit, perLayer }

    /// The learned negative slopes α (1×D or 1×1).
    public let alpha: Parameter<Scalar>
    private var input: Tensor<Scalar>?

    public init(units: Int, sharing: Sharing = .perUnit, initialSlope: Double = 0.25) {
        precondition(units > 0, "PReLU: units must be positive, got \(units)")
        alpha = Parameter(name: "α", value: Tensor(rows: 1, columns: sharing == .perUnit ? units : 1,
                                                   repeating: Scalar(initialSlope)), isDecayed: false)
    }

    public var parameters: [Parameter<Scalar>] { [alpha] }
    public var description: String {
        alpha.value.columns == 1 ? "PReLU(α shared)" : "PReLU(α per unit: \(alpha.value.columns))"
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        precondition(alpha.value.columns == 1 || alpha.value.columns == input.columns,
                     "PReLU: input \(input.shape) does not match α \(alpha.value.shape)")
        self.input = input
        let (n, d) = (input.rows, input.columns)
        let stride = alpha.value.columns == 1 ? 0 : 1   // α index of column c: c·stride
        return Tensor(rows: n, columns: d) { y in
            input.scalars.withUnsafeBufferPointer { x in
                alpha.value.scalars.withUnsafeBufferPointer { a in
                    for r in 0..<n {
                        for c in 0..<d {
                            let v = x[r * d + c]
                            y[r * d + c] = v > 0 ? v : a[c * stride] * v
                        }
                    }
                }
            }
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        let x = requireCache(input, "PReLU")
        Tensor.checkSameShape(x, outputGradient, "PReLU.backward")
        let (n, d) = (x.rows, x.columns)
        let stride = alpha.value.columns == 1 ? 0 : 1
        var slopeGradient = Tensor<Scalar>(rows: 1, columns: alpha.value.columns)
        let inputGradient = Tensor<Scalar>(rows: n, columns: d) { dx in
            x.scalars.withUnsafeBufferPointer { x in
                outputGradient.scalars.withUnsafeBufferPointer { dy in
                    alpha.value.scalars.withUnsafeBufferPointer { a in
                        slopeGradient.scalars.withUnsafeMutableBufferPointer { da in
                            for r in 0..<n {
                                for c in 0..<d {
                                    let i = r * d + c, v = x[i], g = dy[i]
                                    dx[i] = v > 0 ? g : a[c * stride] * g
                                    if !(v > 0) { da[c * stride] += v * g }
                                }
                            }
                        }
                    }
                }
            }
        }
        alpha.gradient = slopeGradient
        return inputGradient
    }
}
