import Foundation
import Gnuplot
import NeuralEngine
import Reporting

/// Writes `<output>/<claim-id>/`: README.md, result.json, figures/ and data/. Everything is written into a temporary
/// sibling folder first and swapped into place only when complete, so a failed or interrupted run never leaves a
/// half-written report and never removes the previous one.
public struct LegacyReportWriter {
    public let claim: Claim
    public let options: ExperimentOptions
    /// Injected for tests (a missing gnuplot, say).
    public var renderer = GnuplotRenderer()

    public init(claim: Claim, options: ExperimentOptions) {
        self.claim = claim
        self.options = options
    }

    /// Judges the evidence, renders the figures, writes the report and swaps it into place. Returns the judgement.
    @discardableResult
    public func write(_ report: LegacyClaimReport, check: LegacyCheck, evidence: LegacyEvidence, control: LegacyControl) throws -> LegacyJudgement {
        let judgement = LegacyJudgement(check: check, claim: evidence, control: control)
        let fileManager = FileManager.default
        let output = URL(fileURLWithPath: options.output, isDirectory: true)
        do {
            try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw ClaimError.unwritableOutput(path: output.path, reason: "cannot create the folder")
        }
        guard fileManager.isWritableFile(atPath: output.path) else {
            throw ClaimError.unwritableOutput(path: output.path, reason: "permission denied")
        }
        let final = output.appendingPathComponent(claim.id, isDirectory: true)
        let staging = output.appendingPathComponent(".\(claim.id).partial-\(getpid())", isDirectory: true)
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging.appendingPathComponent("figures"), withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging.appendingPathComponent("data"), withIntermediateDirectories: true)
            for named in report.figures {
                do {
                    _ = try renderer.render(named.figure, named: named.name, in: staging, formats: Set(options.formats))
                } catch {
                    throw ClaimError.figureFailed("figure '\(named.name)': \(error)")
                }
            }
            let document = LegacyReportDocument(claim: claim, report: report, check: check, judgement: judgement,
                                          evidence: evidence, control: control, formats: options.formats,
                                          quick: options.quick).document
            try AtomicFile.write(document.rendered(), to: staging.appendingPathComponent("README.md"))
            let result = LegacyResultFile(claim: claim, mode: options.quick ? "quick" : "full", keyNumber: report.keyNumber,
                                    figures: report.figures.map(\.name), keyFigure: report.keyFigure,
                                    formats: options.formats.map(\.rawValue),
                                    check: check, judgement: judgement, evidence: evidence, control: control)
            try AtomicFile.write(try result.encoded(), to: staging.appendingPathComponent("result.json"))
            try Self.swap(staging, into: final)
        } catch {
            try? fileManager.removeItem(at: staging)
            if let claimError = error as? ClaimError { throw claimError }
            throw ClaimError.unwritableOutput(path: final.path, reason: "\(error)")
        }
        return judgement
    }

    /// Replaces `final` by `staging`: the old folder is moved aside, the new one renamed into place, then the old one
    /// removed. If the second rename fails the old folder is put back.
    static func swap(_ staging: URL, into final: URL) throws {
        let fileManager = FileManager.default
        let previous = final.deletingLastPathComponent()
            .appendingPathComponent(".\(final.lastPathComponent).previous-\(getpid())", isDirectory: true)
        try? fileManager.removeItem(at: previous)
        let hadPrevious = fileManager.fileExists(atPath: final.path)
        if hadPrevious { try fileManager.moveItem(at: final, to: previous) }
        do {
            try fileManager.moveItem(at: staging, to: final)
        } catch {
            if hadPrevious { try? fileManager.moveItem(at: previous, to: final) }
            throw error
        }
        if hadPrevious { try? fileManager.removeItem(at: previous) }
    }
}
