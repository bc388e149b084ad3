extension Catalogue {
    /// batchnorm-stability, batchnorm-test-time, layernorm-batch-size.
    static let batchNormStatisticsClaims: [Claim] = []
}
