/// One claim's line in the index page, with every text already written by the caller.
public struct IndexRow: Sendable, Equatable {
    /// The claim's identifier, e.g. "sigmoid-vanishing-gradients".
    public var claimID: String
    /// The claim's title or statement, as plain text.
    public var title: String
    /// The verdict's text, e.g. "reproduced"; rows are counted by it.
    public var verdict: String
    /// The verdict's symbol, e.g. "✅".
    public var symbol: String
    /// The verdict the claim was expected to get; the row matches its expectation when the texts are equal.
    public var expectedVerdict: String
    /// The take-home sentence with its numbers, as inline Markdown.
    public var keyNumber: String
    /// The claim's report, relative to the index, e.g. "sigmoid-vanishing-gradients/README.md".
    public var reportPath: String
    /// A small image for the row, relative to the index, or `nil` for none.
    public var thumbnailPath: String?
    /// The verdict under the pre-registered rules when it differs from `verdict`, else `nil`.
    public var preregisteredVerdict: String?
    /// How often the claim holds on fresh seeds, e.g. "20/20", or `nil` when not measured.
    public var stability: String?

    public init(claimID: String, title: String, verdict: String, symbol: String, expectedVerdict: String,
                keyNumber: String, reportPath: String, thumbnailPath: String? = nil,
                preregisteredVerdict: String? = nil, stability: String? = nil) {
        self.claimID = claimID
        self.title = title
        self.verdict = verdict
        self.symbol = symbol
        self.expectedVerdict = expectedVerdict
        self.keyNumber = keyNumber
        self.reportPath = reportPath
        self.thumbnailPath = thumbnailPath
        self.preregisteredVerdict = preregisteredVerdict
        self.stability = stability
    }

    /// Whether the verdict is the expected one.
    public var matchesExpectation: Bool { verdict == expectedVerdict }
}
