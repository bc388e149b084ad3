/// Batch normalisation (Ioffe & Szegedy 2015, Algorithms 1 and 2) over the N examples of an N×D batch, per feature d:
///
///     training:   μ_d = (1/N) Σ_n x[n,d],  σ²_d = (1/N) Σ_n (x[n,d] − μ_d)²,
///                 x̂ = (x − μ)/√(σ² + ε),   y = γ ⊙ x̂ + β
///                 running_μ ← m·running_μ + (1 − m)·μ,  running_σ² ← m·running_σ² + (1 − m)·(N/(N−1))·σ²
///     evaluation: y = γ ⊙ (x − running_μ)/√(running_σ² + ε) + β
///
/// The running averages use momentum m (CS231n's convention, m = 0.9) rather than the paper's average over all
/// training batches; the variance is stored unbiased (N/(N−1)) as in Algorithm 2, line 10. Backward (training mode),
/// with g = ∂L/∂x̂ = γ ⊙ ∂L/∂y:  ∂L/∂x = (1/√(σ²+ε)) · (g − mean_n(g) − x̂ ⊙ mean_n(g ⊙ x̂)),
/// ∂L/∂γ = Σ_n ∂L/∂y ⊙ x̂,  ∂L/∂β = Σ_n ∂L/∂y. In evaluation mode the layer is affine and ∂L/∂x = ∂L/∂y ⊙ γ/√(running_σ²+ε).
public final class BatchNorm<Scalar: EngineScalar>: Layer {
    /// Learned per-feature scale γ (1×D), initialised to 1.
    public let scale: Parameter<Scalar>
    /// Learned per-feature shift β (1×D), initialised to 0.
    public let shift: Parameter<Scalar>
    /// Running mean of the features (1×D), used in evaluation.
    public private(set) var runningMean: Tensor<Scalar>
    /// Running (unbiased) variance of the features (1×D), used in evaluation.
    public private(set) var runningVariance: Tensor<Scalar>
    /// Weight of the old running value in each update.
    public let momentum: Double
    /// Added to the variance before the square root.
    public let epsilon: Double

    private var normalized: Tensor<Scalar>?      // x̂, N×D
    private var inverseStd: [Scalar] = []        // 1/√(σ²+ε) per feature (batch or running)
    private var lastPhase: Phase = .training

    public init(features: Int, momentum: Double = 0.9, epsilon: Double = 1e-5) {
        precondition(features > 0, "BatchNorm: features must be positive, got \(features)")
        scale = Parameter(name: "γ", value: Tensor(rows: 1, columns: features, repeating: 1), isDecayed: false)
        shift = Parameter(name: "β", value: Tensor(rows: 1, columns: features, repeating: 0), isDecayed: false)
        runningMean = Tensor(rows: 1, columns: features, repeating: 0)
        runningVariance = Tensor(rows: 1, columns: features, repeating: 1)
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public var features: Int { scale.value.columns }
    public var parameters: [Parameter<Scalar>] { [scale, shift] }
    public var description: String { "BatchNorm(\(features), momentum: \(momentum), ε: \(epsilon))" }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Tensor<Scalar>, phase: Phase) -> Tensor<Scalar> {
        precondition(input.columns == features, "BatchNorm: input \(input.shape) does not match \(features) features")
        let (n, d) = (input.rows, input.columns)
        let eps = Scalar(epsilon)
        var mean: [Scalar], variance: [Scalar]
        switch phase {
        case .training:
            precondition(n > 1, "BatchNorm: training needs a batch of at least 2 examples, got \(n)")
            mean = input.columnMeans().scalars
            variance = [Scalar](repeating: 0, count: d)
            input.scalars.withUnsafeBufferPointer { x in
                variance.withUnsafeMutableBufferPointer { v in
                    for r in 0..<n { for c in 0..<d { let e = x[r * d + c] - mean[c]; v[c] += e * e } }
                    for c in 0..<d { v[c] /= Scalar(n) }
                }
            }
            let m = Scalar(momentum), unbias = Scalar(n) / Scalar(n - 1)
            for c in 0..<d {
                runningMean.scalars[c] = m * runningMean.scalars[c] + (1 - m) * mean[c]
                runningVariance.scalars[c] = m * runningVariance.scalars[c] + (1 - m) * unbias * variance[c]
            }
        case .evaluation:
            mean = runningMean.scalars
            variance = runningVariance.scalars
        }
        let inverseStd = variance.map { 1 / ($0 + eps).squareRoot() }
        // Per-feature coefficients, so the inner loops are x̂ = x·s + t and y = x·a + b: no divisions, vectorisable.
        let gamma = scale.value.scalars, beta = shift.value.scalars
        let shiftHat = (0..<d).map { -mean[$0] * inverseStd[$0] }
        let a = (0..<d).map { gamma[$0] * inverseStd[$0] }
        let b = (0..<d).map { beta[$0] + gamma[$0] * shiftHat[$0] }
        var normalized = Tensor<Scalar>(rows: n, columns: d)
        let output = Tensor<Scalar>(rows: n, columns: d) { y in
            input.scalars.withUnsafeBufferPointer { x in
                normalized.scalars.withUnsafeMutableBufferPointer { xhat in
                    inverseStd.withUnsafeBufferPointer { s in
                        shiftHat.withUnsafeBufferPointer { t in
                            a.withUnsafeBufferPointer { a in
                                b.withUnsafeBufferPointer { b in
                                    for r in 0..<n {
                                        let row = r * d
                                        for c in 0..<d {
                                            xhat[row + c] = x[row + c] * s[c] + t[c]
                                            y[row + c] = x[row + c] * a[c] + b[c]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.normalized = normalized
        self.inverseStd = inverseStd
        lastPhase = phase
        return output
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ outputGradient: Tensor<Scalar>) -> Tensor<Scalar> {
        let xhat = requireCache(normalized, "BatchNorm")
        Tensor.checkSameShape(xhat, outputGradient, "BatchNorm.backward")
        let (n, d) = (xhat.rows, xhat.columns)
        let gamma = scale.value.scalars, inverseStd = self.inverseStd
        var sumDy = [Scalar](repeating: 0, count: d), sumDyXhat = [Scalar](repeating: 0, count: d)
        outputGradient.scalars.withUnsafeBufferPointer { dy in
            xhat.scalars.withUnsafeBufferPointer { xh in
                sumDy.withUnsafeMutableBufferPointer { sumDy in
                    sumDyXhat.withUnsafeMutableBufferPointer { sumDyXhat in
                        for r in 0..<n {
                            let row = r * d
                            for c in 0..<d {
                                sumDy[c] += dy[row + c]
                                sumDyXhat[c] += dy[row + c] * xh[row + c]
                            }
                        }
                    }
                }
            }
        }
        scale.gradient = Tensor(rows: 1, columns: d, scalars: sumDyXhat)
        shift.gradient = Tensor(rows: 1, columns: d, scalars: sumDy)
        // ∂L/∂x = k·dy + u·x̂ + v per feature: k = γ/√(σ²+ε); in training u = −k·Σ(dy·x̂)/N and v = −k·Σdy/N,
        // in evaluation (an affine map) u = v = 0.
        let invN = 1 / Scalar(n), training = lastPhase == .training
        let k = (0..<d).map { gamma[$0] * inverseStd[$0] }
        let u = (0..<d).map { training ? -k[$0] * invN * sumDyXhat[$0] : 0 }
        let v = (0..<d).map { training ? -k[$0] * invN * sumDy[$0] : 0 }
        return Tensor<Scalar>(rows: n, columns: d) { dx in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                xhat.scalars.withUnsafeBufferPointer { xh in
                    k.withUnsafeBufferPointer { k in
                        u.withUnsafeBufferPointer { u in
                            v.withUnsafeBufferPointer { v in
                                for r in 0..<n {
                                    let row = r * d
                                    for c in 0..<d { dx[row + c] = k[c] * dy[row + c] + u[c] * xh[row + c] + v[c] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
