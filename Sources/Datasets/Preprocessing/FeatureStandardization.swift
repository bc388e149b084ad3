import NeuralEngine

/// Per-feature standardisation (CS231n's `X -= np.mean(X, axis=0); X /= np.std(X, axis=0)`):
///
///     μ_j = (1/N) Σ_i x_ij,   σ_j = √((1/N) Σ_i (x_ij − μ_j)²),   y_ij = (x_ij − μ_j) / max(σ_j, ε)
///
/// over the N training examples (population σ, accumulated in Double). Every training feature with σ_j ≥ ε comes out
/// with mean 0 and standard deviation exactly 1. The guard: a feature that (nearly) never varies in training — a border
/// pixel that is always 0 — has σ_j < ε and is divided by ε instead of by ~0, so a constant feature maps to 0 rather
/// than NaN; note that such a feature still amplifies any test-time variation by 1/ε, which is why images default to
/// `ScalarStandardization`.
public struct FeatureStandardization<Scalar: EngineScalar>: Preprocessor {
    /// μ, 1×D: the training mean of each feature.
    public let mean: Tensor<Scalar>
    /// σ, 1×D: the training (population) standard deviation of each feature, before the ε floor.
    public let standardDeviation: Tensor<Scalar>
    /// The floor ε of each divisor: y_ij = (x_ij − μ_j) / max(σ_j, ε).
    public let epsilon: Double

    /// A standardisation with given μ and σ (1×D each) and ε.
    public init(mean: Tensor<Scalar>, standardDeviation: Tensor<Scalar>, epsilon: Double) {
        precondition(mean.rows == 1 && standardDeviation.rows == 1 && mean.columns == standardDeviation.columns,
                     "FeatureStandardization: μ \(mean.shape) and σ \(standardDeviation.shape) must be 1×D rows")
        precondition(epsilon > 0, "FeatureStandardization: ε must be positive, got \(epsilon)")
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.epsilon = epsilon
    }

    /// μ and σ fitted on the N×D training data.
    public static func fit(_ train: Tensor<Scalar>, epsilon: Double = 1e-8) -> FeatureStandardization {
        let means = columnMeansInDouble(train)
        let deviations = columnVariancesInDouble(train, means: means).map { $0.squareRoot() }
        return FeatureStandardization(mean: Tensor(row: means.map { Scalar($0) }),
                                      standardDeviation: Tensor(row: deviations.map { Scalar($0) }),
                                      epsilon: epsilon)
    }

    /// (x_ij − μ_j) / max(σ_j, ε).
    public func apply(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        let floor = Scalar(epsilon)
        return shiftingAndScalingColumns(x, shift: mean.scalars, scale: standardDeviation.scalars.map { max($0, floor) },
                                         "FeatureStandardization")
    }
}
