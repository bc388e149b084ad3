/// Every claim the suite reproduces, with its expected verdict: what `claims list` prints and what `claims check`
/// compares results against. A claim is listed here when its experiment exists in experiments/<id>. The claims of
/// each part of the lecture live in their own file (Catalogue+Activations.swift, …).
public enum Catalogue {
    /// All claims, in report order.
    public static let all: [Claim] = activationClaims + initializationClaims + batchNormClaims

    /// The claim with `id`, or a one-line error listing the known ids.
    public static func claim(id: String) throws -> Claim {
        guard let claim = all.first(where: { $0.id == id }) else {
            throw ClaimError.unknownClaim(id, known: all.map(\.id))
        }
        return claim
    }
}
