/// The outcome of testing a claim (DESIGN.md, "Experiments and verdicts").
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// The check holds on every seed (≥ 4 of 5 for a soft rule) and the control behaves as it must.
    case reproduced = "reproduced"
    /// The check fails (on every seed, or too many for a soft rule) while the control behaves as it must.
    case notReproduced = "not reproduced"
    /// The seeds disagree, or the control does not behave as it must: the check cannot tell.
    case inconclusive = "inconclusive"

    /// A symbol for badges and tables.
    public var symbol: String {
        switch self {
        case .reproduced: "✅"
        case .notReproduced: "❌"
        case .inconclusive: "❔"
        }
    }
}
