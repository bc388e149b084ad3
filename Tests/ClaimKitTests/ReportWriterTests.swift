import Foundation
import Gnuplot
import Reporting
import Testing
@testable import ClaimKit

/// Writing a report end to end on hand-made evidence: files, result.json round trip, and atomicity on failure.
@Suite struct ReportWriterTests {
    static let claim = Claim(id: "test-claim", title: "A test claim", statement: "Things hold.",
                             source: .init(noteFile: "n.txt", noteQuote: "원문", noteQuoteEnglish: "original",
                                           lecture: "Lecture", paper: "Paper"),
                             expected: .reproduced)
    static let check = LegacyCheck(rules: [LegacyRule("x", .lessThan(1))], reason: "because")

    static func parts() -> (LegacyClaimReport, LegacyEvidence, LegacyControl) {
        var evidence = LegacyEvidence(seeds: [0, 1])
        evidence.add("x", label: "the x", values: [0.5, 0.25])
        var controlEvidence = LegacyEvidence(seeds: [0, 1])
        controlEvidence.add("x", label: "the x, broken", values: [2, .nan])
        var report = LegacyClaimReport(summary: "x is small.", keyNumber: "x = 0.375", setup: Table(header: ["a"], rows: [["b"]]))
        var figure = Figure(title: "x", caption: "Look for: x.")
        figure.add(.line(x: [0, 1], y: [0.5, 0.25], label: "x"))
        report.add("x-figure", figure)
        return (report, evidence, LegacyControl("broken x", mustBe: .rejected, evidence: controlEvidence))
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func options(_ folder: URL, _ extra: [String] = []) throws -> ExperimentOptions {
        try ExperimentOptions.parse(["--output", folder.path] + extra)
    }

    @Test func writesTheReportAndResult() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (report, evidence, control) = Self.parts()
        let judgement = try LegacyReportWriter(claim: Self.claim, options: try Self.options(folder, ["--formats", "svg"]))
            .write(report, check: Self.check, evidence: evidence, control: control)
        #expect(judgement.verdict == .reproduced)
        let claimFolder = folder.appendingPathComponent("test-claim")
        let readme = try String(contentsOf: claimFolder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("# A test claim"))
        #expect(readme.contains("`reproduced` ✅"))
        #expect(readme.contains("diverged"))   // the NaN control seed
        #expect(FileManager.default.fileExists(atPath: claimFolder.appendingPathComponent("figures/x-figure.svg").path))
        #expect(FileManager.default.fileExists(atPath: claimFolder.appendingPathComponent("figures/x-figure.gp").path))
        let result = try LegacyResultFile.read(from: claimFolder.appendingPathComponent("result.json"))
        #expect(result.verdict == .reproduced)
        #expect(result.metrics[0].values == [0.5, 0.25])
        #expect(result.controlMetrics[0].values[1].isNaN)
        #expect(result.figures == ["x-figure"])
        // Nothing but the report folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["test-claim"])
    }

    @Test func rerunIsByteIdentical() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (report, evidence, control) = Self.parts()
        let writer = LegacyReportWriter(claim: Self.claim, options: try Self.options(folder))
        try writer.write(report, check: Self.check, evidence: evidence, control: control)
        let files = ["README.md", "result.json", "figures/x-figure.svg", "figures/x-figure.png", "figures/x-figure.pdf",
                     "figures/x-figure.gp"]
        let first = try files.map { try Data(contentsOf: folder.appendingPathComponent("test-claim/\($0)")) }
        try writer.write(report, check: Self.check, evidence: evidence, control: control)
        let second = try files.map { try Data(contentsOf: folder.appendingPathComponent("test-claim/\($0)")) }
        for (name, (a, b)) in zip(files, zip(first, second)) { #expect(a == b, "\(name) differs on rerun") }
    }

    @Test func aFailedRunLeavesThePreviousReportIntact() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (report, evidence, control) = Self.parts()
        try LegacyReportWriter(claim: Self.claim, options: try Self.options(folder, ["--formats", "svg"]))
            .write(report, check: Self.check, evidence: evidence, control: control)
        let readme = folder.appendingPathComponent("test-claim/README.md")
        let before = try Data(contentsOf: readme)

        var broken = LegacyReportWriter(claim: Self.claim, options: try Self.options(folder, ["--formats", "svg"]))
        broken.renderer = GnuplotRenderer(executable: URL(fileURLWithPath: "/nonexistent/gnuplot"))
        #expect(throws: ClaimError.self) {
            try broken.write(report, check: Self.check, evidence: evidence, control: control)
        }
        #expect(try Data(contentsOf: readme) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["test-claim"])
    }

    @Test func unwritableOutputIsAClearError() throws {
        let (report, evidence, control) = Self.parts()
        let writer = LegacyReportWriter(claim: Self.claim, options: try ExperimentOptions.parse(["--output", "/proc/nope"]))
        do {
            try writer.write(report, check: Self.check, evidence: evidence, control: control)
            Issue.record("writing into /proc succeeded")
        } catch let error as ClaimError {
            #expect("\(error)".contains("--output"))
        }
    }
}
