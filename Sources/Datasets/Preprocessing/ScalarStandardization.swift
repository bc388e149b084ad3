import NeuralEngine

/// Standardisation by one scalar mean and one scalar standard deviation over all N·D training entries — the project's
/// default for images, whose pixels share one scale (so no pixel is amplified on its own):
///
///     μ = (1/(N·D)) Σ_ij x_ij,   σ = √((1/(N·D)) Σ_ij (x_ij − μ)²),   y = (x − μ) / max(σ, ε)
///
/// (population σ, both accumulated in Double). The training data comes out with mean 0 and standard deviation 1;
/// other data is transformed by the same μ and σ. ε only guards a constant training set (σ = 0).
public struct ScalarStandardization<Scalar: EngineScalar>: Preprocessor {
    /// μ, the mean of every training entry.
    public let mean: Double
    /// σ, the population standard deviation of every training entry.
    public let standardDeviation: Double
    /// The floor ε of the divisor: y = (x − μ) / max(σ, ε).
    public let epsilon: Double

    /// A standardisation with given μ, σ and ε.
    public init(mean: Double, standardDeviation: Double, epsilon: Double) {
        precondition(standardDeviation >= 0 && epsilon > 0,
                     "ScalarStandardization: need σ ≥ 0 and ε > 0, got σ = \(standardDeviation), ε = \(epsilon)")
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.epsilon = epsilon
    }

    /// μ and σ fitted on all entries of the N×D training data.
    public static func fit(_ train: Tensor<Scalar>, epsilon: Double = 1e-8) -> ScalarStandardization {
        let (mean, variance) = entryMeanAndVarianceInDouble(train)
        return ScalarStandardization(mean: mean, standardDeviation: variance.squareRoot(), epsilon: epsilon)
    }

    /// (x − μ) / max(σ, ε), entry by entry.
    public func apply(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        shiftingAndScalingEntries(x, shift: Scalar(mean), scale: Scalar(max(standardDeviation, epsilon)))
    }
}
