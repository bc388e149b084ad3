extension Catalogue {
    /// xavier-vs-he-relu, zero-init-symmetry, large-init-sigmoid.
    static let initializationReLUClaims: [Claim] = []
}
