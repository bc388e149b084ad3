/// Layer normalisation (Ba, Kiros & Hinton 2016, eq. 4) over the D features of each example, the same in training and
/// evaluation — an example's output does not depend on the rest of its batch:
///
///     μ_n = (1/D) Σ_d x[n,d],  σ²_n = (1/D) Σ_d (x[n,d] − μ_n)²,  x̂ = (x − μ_n)/√(σ²_n + ε),  y = γ ⊙ x̂ + β
///
/// γ, β are per feature (1×D). Backward, with g = γ ⊙ ∂L/∂y per row:
/// ∂L/∂x = (1/√(σ²_n+ε)) · (g − mean_d(g) − x̂ ⊙ mean_d(g ⊙ x̂)); ∂L/∂γ = Σ_n ∂L/∂y ⊙ x̂; ∂L/∂β = Σ_n ∂L/∂y.
public final class LayerNorm<Scalar: EngineScalar>: Layer {
    /// Learned per-feature gain γ (1×D), initialised to 1.
    public let scale: Parameter<Scalar>
    /// Learned per-feature bias β (1×D), initialised to 0.
    public let shift: Parameter<Scalar>
    public let epsilon: Double
    private var normalized: Tensor<Scalar>?
    private var inverseStd: [Scalar] = []   // per example

    public init(features: Int, epsilon: Double = 1e-5) {
        precondition(features > 0, "LayerNorm: features must be positive, got \(features)")
        scale = Parameter(name: "γ", value: Tensor(rows: 1, columns: features, repeating: 1), isDecayed: false)
        shift = Parameter(name: "β", value: Tensor(rows: 1, columns: features, repeating: 0), isDecayed: false)
        self.epsilon = epsilon
    }

    public var features: Int { scale.value.columns }
    public var parameters: [Parameter<Scalar>] { [scale, shift] }
    public var description: String { "LayerNorm(\(features), ε: \(epsilon))" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        precondition(input.columns == features, "LayerNorm: input \(input.shape) does not match \(features) features")
        let (n, d) = (input.rows, input.columns)
        let eps = Scalar(epsilon), invD = 1 / Scalar(d)
        let gamma = scale.value.scalars, beta = shift.value.scalars
        var inverseStd = [Scalar](repeating: 0, count: n)
        var normalized = Tensor<Scalar>(rows: n, columns: d)
        let output = Tensor<Scalar>(rows: n, columns: d) { y in
            input.scalars.withUnsafeBufferPointer { x in
                normalized.scalars.withUnsafeMutableBufferPointer { xhat in
                    for r in 0..<n {
                        let row = r * d
                        var mean: Scalar = 0
                        for c in 0..<d { mean += x[row + c] }
                        mean *= invD
                        var variance: Scalar = 0
                        for c in 0..<d { let e = x[row + c] - mean; variance += e * e }
                        let inv = 1 / (variance * invD + eps).squareRoot()
                        inverseStd[r] = inv
                        for c in 0..<d {
                            xhat[row + c] = (x[row + c] - mean) * inv
                            y[row + c] = gamma[c] * xhat[row + c] + beta[c]
                        }
                    }
                }
            }
        }
        self.normalized = normalized
        self.inverseStd = inverseStd
        return output
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        let xhat = requireCache(normalized, "LayerNorm")
        Tensor.checkSameShape(xhat, outputGradient, "LayerNorm.backward")
        let (n, d) = (xhat.rows, xhat.columns)
        let gamma = scale.value.scalars, invD = 1 / Scalar(d), inverseStd = self.inverseStd
        scale.gradient = (outputGradient * xhat).columnSums()
        shift.gradient = outputGradient.columnSums()
        return Tensor<Scalar>(rows: n, columns: d) { dx in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                xhat.scalars.withUnsafeBufferPointer { xh in
                    for r in 0..<n {
                        let row = r * d
                        var meanG: Scalar = 0, meanGXhat: Scalar = 0
                        for c in 0..<d {
                            let g = gamma[c] * dy[row + c]
                            meanG += g
                            meanGXhat += g * xh[row + c]
                        }
                        meanG *= invD
                        meanGXhat *= invD
                        for c in 0..<d {
                            dx[row + c] = inverseStd[r] * (gamma[c] * dy[row + c] - meanG - xh[row + c] * meanGXhat)
                        }
                    }
                }
            }
        }
    }
}
