/// A sentence from the lecture notes that an experiment tests, with where it comes from and what we expect to find.
public struct Claim: Sendable, Equatable {
    /// Kebab-case id: the experiment target's name and the report folder's name.
    public let id: String
    /// The report's heading, e.g. "Sigmoid kills the gradient in deep nets".
    public let title: String
    /// The claim as the lecture puts it, in English.
    public let statement: String
    /// Where the claim comes from.
    public let source: Source
    /// The verdict a correct engine reaches: `notReproduced` for claims the notes get wrong.
    public let expected: Verdict

    public init(id: String, title: String, statement: String, source: Source, expected: Verdict) {
        self.id = id
        self.title = title
        self.statement = statement
        self.source = source
        self.expected = expected
    }

    /// The claim's origin: a student's note (quoted in its own language), the lecture, and the paper with the evidence.
    public struct Source: Sendable, Equatable {
        /// The note's file in shared/lecture-notes, e.g. "003_dac79960876f5740.txt".
        public let noteFile: String
        /// The note's own words (original language).
        public let noteQuote: String
        /// An English rendering of `noteQuote`.
        public let noteQuoteEnglish: String
        /// The lecture and slide, e.g. "CS231n Lecture 6, Activation functions: sigmoid, problem 1".
        public let lecture: String
        /// The paper with the original evidence, e.g. "Glorot & Bengio (2010), §3.1 and Fig. 2".
        public let paper: String

        public init(noteFile: String, noteQuote: String, noteQuoteEnglish: String, lecture: String, paper: String) {
            self.noteFile = noteFile
            self.noteQuote = noteQuote
            self.noteQuoteEnglish = noteQuoteEnglish
            self.lecture = lecture
            self.paper = paper
        }
    }
}

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
