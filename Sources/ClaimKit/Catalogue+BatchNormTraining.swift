extension Catalogue {
    /// batchnorm-init-robustness, batchnorm-higher-learning-rate, batchnorm-gradient-flow.
    static let batchNormTrainingClaims: [Claim] = []
}
