extension Catalogue {
    /// Weight initialization (CLAIMS.md W1–W6).
    static let initializationClaims: [Claim] = initializationScaleClaims + initializationReLUClaims
}
