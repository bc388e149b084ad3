import NeuralEngine

/// What every experiment does before measuring: pin OpenBLAS to one thread (sgemm is bit-identical across reruns only
/// at a fixed thread count) and fix the seeds and mode.
public struct LegacyExperimentRun {
    public let claim: Claim
    public let options: ExperimentOptions
    /// Seeds 0..<N.
    public let seeds: [Int]

    public init(_ claim: Claim, options: ExperimentOptions, quickSeedCount: Int = 1) {
        BLASThreads.pin(1)
        self.claim = claim
        self.options = options
        seeds = options.seedList(quickSeedCount: quickSeedCount)
    }

    /// Writes the report (see `LegacyReportWriter`) and prints a one-line summary.
    public func write(_ report: LegacyClaimReport, check: LegacyCheck, evidence: LegacyEvidence, control: LegacyControl) throws {
        let judgement = try LegacyReportWriter(claim: claim, options: options)
            .write(report, check: check, evidence: evidence, control: control)
        print("\(claim.id): \(judgement.verdict.rawValue) \(judgement.verdict.symbol) (expected \(claim.expected.rawValue)); "
              + "\(report.keyNumber) → \(options.output)/\(claim.id)/")
    }
}
