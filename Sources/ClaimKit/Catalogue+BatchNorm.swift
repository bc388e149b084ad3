extension Catalogue {
    /// Batch normalization (CLAIMS.md B1–B5).
    static let batchNormClaims: [Claim] = batchNormStatisticsClaims + batchNormTrainingClaims
}
