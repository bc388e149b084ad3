import NeuralEngine

/// Principal component analysis, fitted on training data (CS231n's notes, "Data Preprocessing: PCA and Whitening"):
///
///     μ = column means of X,   X̃ = X − μ,   C = X̃ᵀX̃ / N            (D×D covariance, population normalisation)
///     C = U diag(λ) Uᵀ,   λ₁ ≥ λ₂ ≥ … ≥ λ_D ≥ 0,   u_i = row i of `eigenvectors`
///     project(x, k) = (x − μ) · U_kᵀ                                (N×k: coordinates on the top k directions)
///
/// C is computed with one BLAS product (X̃ᵀ through the transpose flag) and decomposed by LAPACK's symmetric
/// eigensolver (`EngineScalar.symmetricEigen`), in `Scalar` precision. Departures from a bare `?syev` call, each to make
/// the result a function of the data alone: eigenpairs are sorted by decreasing λ; each eigenvector's sign is chosen
/// so that its entry of largest magnitude is positive; eigenvalues that round-off made slightly negative are set to 0.
///
/// `apply` projects onto `componentCount` components (all D unless chosen at `fit`).
public struct PCA<Scalar: EngineScalar>: Preprocessor {
    /// μ, 1×D: the training mean of each feature.
    public let mean: Tensor<Scalar>
    /// λ₁ ≥ … ≥ λ_D ≥ 0: the variances of the training data along the principal directions.
    public let eigenvalues: [Scalar]
    /// D×D: row i is the unit principal direction u_i belonging to `eigenvalues[i]`.
    public let eigenvectors: Tensor<Scalar>
    /// k, the number of components `apply` projects onto.
    public let componentCount: Int

    /// D, the number of input features.
    public var featureCount: Int { mean.columns }

    /// λ_i / Σ_j λ_j for each component: the fraction of the training variance it explains (sums to 1).
    public var explainedVarianceRatio: [Double] {
        let total = eigenvalues.reduce(0.0) { $0 + Double($1) }
        return eigenvalues.map { total > 0 ? Double($0) / total : 0 }
    }

    /// Σ_{j ≤ i} λ_j / Σ_j λ_j: the fraction explained by the first i + 1 components (the last entry is 1).
    public var cumulativeExplainedVarianceRatio: [Double] {
        var running = 0.0
        return explainedVarianceRatio.map { running += $0; return running }
    }

    /// The smallest k whose first k components explain at least `fraction` of the training variance.
    public func componentCount(explaining fraction: Double) -> Int {
        precondition(fraction >= 0 && fraction <= 1, "PCA.componentCount: fraction must lie in [0, 1], got \(fraction)")
        let cumulative = cumulativeExplainedVarianceRatio
        // 1e-12 absorbs rounding in the running sum, so asking for 1.0 is met by all components.
        return (cumulative.firstIndex { $0 >= fraction - 1e-12 } ?? (cumulative.count - 1)) + 1
    }

    /// The principal components of the N×D training data; `apply` will keep `components` of them (nil: all D).
    ///
    /// With `centring: false` the mean is taken as 0 and the matrix decomposed is the second moment E[xxᵀ] = XᵀX / N
    /// instead of the covariance (CS231n's "not zero-centred" inputs: its top eigenvalue carries ‖E[x]‖²).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func fit(_ train: Tensor<Scalar>, components: Int? = nil, centring: Bool = true) -> PCA {
        let (n, d) = (train.rows, train.columns)
        precondition(n > 0 && d > 0, "PCA.fit: the training data must be non-empty, got \(n)×\(d)")
        let k = components ?? d
        precondition(k >= 0 && k <= d, "PCA.fit: cannot keep \(k) components of \(d) features")

        let mean = centring ? MeanSubtraction<Scalar>.fit(train) : MeanSubtraction(mean: Tensor(rows: 1, columns: d))
        let centred = centring ? mean.apply(train) : train
        var covariance = Tensor.matmul(centred, centred, transposeA: true)     // X̃ᵀX̃, D×D
        let inverseN = 1 / Scalar(n)
        var values = [Scalar](repeating: 0, count: d)
        let info = covariance.scalars.withUnsafeMutableBufferPointer { c in
            for i in 0..<c.count { c[i] *= inverseN }
            return values.withUnsafeMutableBufferPointer { v in
                Scalar.symmetricEigen(n: d, a: c.baseAddress!, eigenvalues: v.baseAddress!)
            }
        }
        precondition(info == 0, "PCA.fit: the symmetric eigensolver failed (LAPACK info \(info)) on a \(d)×\(d) covariance")

        // LAPACK returns ascending eigenvalues with eigenvectors as rows; reverse both, fix signs, clamp λ ≥ 0.
        var vectors = [Scalar]()
        vectors.reserveCapacity(d * d)
        for i in (0..<d).reversed() {
            var u = Array(covariance.scalars[i * d ..< (i + 1) * d])
            let largest = u.indices.max { abs(u[$0]) < abs(u[$1]) }!
            if u[largest] < 0 { u = u.map { -$0 } }
            vectors += u
        }
        return PCA(mean: mean.mean, eigenvalues: values.reversed().map { max($0, 0) },
                   eigenvectors: Tensor(rows: d, columns: d, scalars: vectors), componentCount: k)
    }

    /// The same fit, keeping `k` components in `apply`.
    public func keeping(_ k: Int) -> PCA {
        precondition(k >= 0 && k <= featureCount, "PCA.keeping: cannot keep \(k) components of \(featureCount) features")
        return PCA(mean: mean, eigenvalues: eigenvalues, eigenvectors: eigenvectors, componentCount: k)
    }

    /// U_k, k×D: the first k principal directions as rows.
    public func directions(_ k: Int) -> Tensor<Scalar> {
        precondition(k >= 0 && k <= featureCount, "PCA.directions: cannot take \(k) components of \(featureCount)")
        return Tensor(rows: k, columns: featureCount, scalars: Array(eigenvectors.scalars.prefix(k * featureCount)))
    }

    /// (x − μ) · U_kᵀ: the N×k coordinates of x on the top k principal directions (`Xrot_reduced` in the notes).
    public func project(_ x: Tensor<Scalar>, components k: Int) -> Tensor<Scalar> {
        precondition(x.columns == featureCount, "PCA.project: data has \(x.columns) features, fitted on \(featureCount)")
        return Tensor.matmul(MeanSubtraction(mean: mean).apply(x), directions(k), transposeB: true)
    }

    /// z · U_k + μ: the N×D points whose projection is the N×k `z` (the best rank-k approximation of the data).
    public func reconstruct(_ z: Tensor<Scalar>) -> Tensor<Scalar> {
        precondition(z.columns <= featureCount, "PCA.reconstruct: \(z.columns) coordinates for \(featureCount) features")
        return Tensor.matmul(z, directions(z.columns)).addingRowVector(mean)
    }

    /// `project(x, components: componentCount)`.
    public func apply(_ x: Tensor<Scalar>) -> Tensor<Scalar> { project(x, components: componentCount) }
}

/// PCA whitening (CS231n's notes: `Xwhite = Xrot / np.sqrt(S + 1e-5)`): the PCA coordinates divided by the square root
/// of their variance,
///
///     z_ij = ((x_i − μ) · u_j) / √(λ_j + ε),   j < k,
///
/// so the whitened training data has covariance diag(λ_j / (λ_j + ε)) ≈ I. ε keeps directions of (near) zero variance
/// from being blown up into noise; it is the notes' 1e-5 by default.
public struct PCAWhitening<Scalar: EngineScalar>: Preprocessor {
    /// The principal components fitted on the training data (its `componentCount` is k).
    public let pca: PCA<Scalar>
    /// ε added to each eigenvalue before the square root.
    public let epsilon: Double

    /// A whitening by a fitted `pca`, keeping its `componentCount` components.
    public init(pca: PCA<Scalar>, epsilon: Double) {
        precondition(epsilon >= 0, "PCAWhitening: ε must be non-negative, got \(epsilon)")
        self.pca = pca
        self.epsilon = epsilon
    }

    /// The whitening of the N×D training data onto `components` directions (nil: all D).
    public static func fit(_ train: Tensor<Scalar>, components: Int? = nil, epsilon: Double = 1e-5) -> PCAWhitening {
        PCAWhitening(pca: .fit(train, components: components), epsilon: epsilon)
    }

    /// The N×k whitened coordinates z_ij = project(x)_ij / √(λ_j + ε).
    public func apply(_ x: Tensor<Scalar>) -> Tensor<Scalar> { whitening(projected: pca.project(x, components: pca.componentCount)) }

    /// z_ij = y_ij / √(λ_j + ε) for PCA coordinates y = `pca.project(x, components: k)` (N×k, k ≤ `componentCount`)
    /// computed once and shared, e.g. by whitenings with several ε. Any scalar type: coordinates projected in Double
    /// can be whitened in Float.
    public func whitening<Other: EngineScalar>(projected y: Tensor<Other>) -> Tensor<Other> {
        let k = y.columns
        precondition(k <= pca.componentCount,
                     "PCAWhitening.whitening: \(k) coordinates but only \(pca.componentCount) components kept")
        let scale = pca.eigenvalues.prefix(k).map { Other((Double($0) + epsilon).squareRoot()) }
        precondition(scale.allSatisfy { $0 > 0 },
                     "PCAWhitening.apply: a kept eigenvalue is 0 and ε = 0; use ε > 0 or fewer components")
        return shiftingAndScalingColumns(y, shift: [Other](repeating: 0, count: k), scale: scale, "PCAWhitening")
    }
}
