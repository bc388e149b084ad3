extension Catalogue {
    /// init-scale-tanh, xavier-normal-formula.
    static let initializationScaleClaims: [Claim] = []
}
