import ArgumentParser
import Foundation
import Reporting
import Testing
@testable import ClaimKit
@testable import claims

/// `claims check` and `claims index` on folders of hand-made results for every catalogued claim.
@Suite struct ClaimsToolTests {
    /// Writes a figure-less result for every claim: the expected verdict, except for `flipped`, which gets the other.
    static func results(flipping flipped: String? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(UUID().uuidString)")
        let check = Check(rules: [Rule("x", .lessThan(1))], reason: "test")
        var control = Evidence(seeds: [0])
        control.add("x", label: "x", values: [2])
        for claim in Catalogue.all {
            let reproduce = (claim.expected == .reproduced) != (claim.id == flipped)
            var evidence = Evidence(seeds: [0])
            evidence.add("x", label: "x", values: [reproduce ? 0.5 : 2])
            let report = ClaimReport(summary: "s", keyNumber: "x = 1", setup: Table(header: ["a"]))
            try ReportWriter(claim: claim, options: try ExperimentOptions.parse(["--output", folder.path, "--quick"]))
                .write(report, check: check, evidence: evidence,
                       control: Control("c", mustBe: .rejected, evidence: control))
        }
        return folder
    }

    @Test func checkPassesWhenEveryVerdictIsAsExpected() throws {
        let folder = try Self.results()
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try ClaimsCommand.CheckVerdicts.parse([folder.path])
        try command.run()
    }

    @Test func checkFailsOnADifferentVerdict() throws {
        let folder = try Self.results(flipping: Catalogue.all[0].id)
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try ClaimsCommand.CheckVerdicts.parse([folder.path])
        #expect(throws: ExitCode.failure) { try command.run() }
    }

    @Test func checkFailsOnAMissingResult() throws {
        let folder = try Self.results()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("\(Catalogue.all[0].id)/result.json"))
        var command = try ClaimsCommand.CheckVerdicts.parse([folder.path])
        #expect(throws: ExitCode.failure) { try command.run() }
    }

    @Test func indexListsEveryClaim() throws {
        let folder = try Self.results()
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try ClaimsCommand.Index.parse([folder.path])
        try command.run()
        let index = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        for claim in Catalogue.all { #expect(index.contains("\(claim.id)/README.md")) }
    }

    @Test func unknownClaimIsAClearError() {
        #expect(throws: ClaimError.self) { try Catalogue.claim(id: "no-such-claim") }
        let message = "\(ClaimError.unknownClaim("x", known: ["a", "b"]))"
        #expect(message.contains("claims list"))
    }
}
