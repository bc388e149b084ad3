import NeuralEngine

/// Mean subtraction (CS231n's `X -= np.mean(X, axis=0)`): y_ij = x_ij − μ_j, with μ_j = (1/N) Σ_i x_ij the mean of
/// feature j over the N training examples (accumulated in Double). It centres the training data; other data is shifted
/// by the same μ, so a test set with mean μ_test comes out with mean μ_test − μ, not 0.
public struct MeanSubtraction<Scalar: EngineScalar>: Preprocessor {
    /// μ, 1×D: the training mean of each feature.
    public let mean: Tensor<Scalar>

    /// A mean subtraction with a given μ (1×D).
    public init(mean: Tensor<Scalar>) {
        precondition(mean.rows == 1, "MeanSubtraction: mean must be a 1×D row, got \(mean.shape)")
        self.mean = mean
    }

    /// μ fitted on the N×D training data.
    public static func fit(_ train: Tensor<Scalar>) -> MeanSubtraction {
        MeanSubtraction(mean: Tensor(row: columnMeansInDouble(train).map { Scalar($0) }))
    }

    /// x − μ, row by row.
    public func apply(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        shiftingAndScalingColumns(x, shift: mean.scalars, scale: [Scalar](repeating: 1, count: mean.columns),
                                  "MeanSubtraction")
    }
}
