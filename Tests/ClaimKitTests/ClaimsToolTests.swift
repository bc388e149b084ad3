import ArgumentParser
import Foundation
import Reporting
import Testing
@testable import ClaimKit
@testable import claims

/// `claims check`, `index`, `robustness` and `list` on a made-up experiments folder and hand-made results.
@Suite struct ClaimsToolTests {
    struct M: SeedMetrics { var x = 0.0 }
    static let ids = ["alpha-claim": Verdict.reproduced, "beta-claim": .notReproduced]

    /// An experiments folder with one report.md per claim, and a results folder with the expected verdicts except
    /// for `flipped`.
    static func folders(flipping flipped: String? = nil, seeds: [Int] = [0], mode: String = "quick") throws -> (experiments: URL, results: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(UUID().uuidString)")
        let experiments = root.appendingPathComponent("experiments"), results = root.appendingPathComponent("results")
        for (id, expected) in ids {
            let text = """
                ---
                id: \(id)
                code: A\(id == "alpha-claim" ? 1 : 2)
                title: The \(id)
                statement: "s"
                expected: \(expected.rawValue)
                source: {note: n.txt, quote: q, english: e, lecture: l, paper: p}
                control: {description: c, mustBe: rejected}
                metrics: {x: "x"}
                rules: {x: {preregistered: "x < 1"}}
                ---
                ## In one sentence
                s
                """
            try AtomicFile.write(text, to: experiments.appendingPathComponent("\(id)/report.md"))
            let template = try ReportTemplate(text: text, path: id)
            let holds = (expected == .reproduced) != (id == flipped)
            let judgement = Judgement(rules: [Rule("x", \M.x, .lessThan(1))],
                                      claim: seeds.map { _ in M(x: holds ? 0.5 : 2) },
                                      control: seeds.map { _ in M(x: 2) }, seeds: seeds, controlMustBe: .rejected)
            let result = ClaimResult(metadata: template.metadata, mode: mode, takeHome: "x is small",
                                     judgement: judgement, claimMetrics: [:], controlMetrics: [:], extraMetrics: [:],
                                     figures: [], formats: ["png"])
            try AtomicFile.write(try result.encoded(), to: results.appendingPathComponent("\(id)/result.json"))
        }
        return (experiments, results)
    }

    func parse<C: ParsableCommand>(_ type: C.Type, _ folders: (experiments: URL, results: URL)) throws -> C {
        try C.parse([folders.results.path, "--experiments", folders.experiments.path])
    }

    @Test func checkPassesWhenEveryVerdictIsAsExpected() throws {
        let command = try parse(ClaimsCommand.CheckVerdicts.self, try Self.folders())
        try command.run()
    }

    @Test func checkFailsOnADifferentVerdict() throws {
        let command = try parse(ClaimsCommand.CheckVerdicts.self, try Self.folders(flipping: "beta-claim"))
        #expect(throws: ExitCode.failure) { try command.run() }
    }

    @Test func checkFailsOnAMissingResult() throws {
        let folders = try Self.folders()
        try FileManager.default.removeItem(at: folders.results.appendingPathComponent("alpha-claim/result.json"))
        let command = try parse(ClaimsCommand.CheckVerdicts.self, folders)
        #expect(throws: ExitCode.failure) { try command.run() }
    }

    @Test func checkConsidersOnlyTheClaimsNamed() throws {
        let folders = try Self.folders()
        try FileManager.default.removeItem(at: folders.results.appendingPathComponent("alpha-claim/result.json"))
        let only = try ClaimsCommand.CheckVerdicts.parse([folders.results.path, "--experiments",
                                                          folders.experiments.path, "--claims", "beta-claim"])
        try only.run()   // alpha-claim's missing result does not count
        let unknown = try ClaimsCommand.CheckVerdicts.parse([folders.results.path, "--experiments",
                                                             folders.experiments.path, "--claims", "gamma-claim"])
        #expect(throws: (any Error).self) { try unknown.run() }
    }

    @Test func mergeNamesAMissingExecutable() throws {
        let folders = try Self.folders()
        let merge = try ClaimsCommand.Merge.parse([folders.results.path, "--into", folders.results.path + "-merged",
                                                   "--experiments", folders.experiments.path, "--bin", "/no/such/bin"])
        #expect(throws: (any Error).self) { try merge.run() }
    }

    @Test func checkOnAMissingFolderSaysSo() throws {
        let command = try ClaimsCommand.CheckVerdicts.parse(["/no/such/folder"])
        #expect(throws: ClaimError.missingReports(path: "/no/such/folder")) { try command.run() }
    }

    @Test func indexListsEveryClaimWithStability() throws {
        let folders = try Self.folders(seeds: Robustness.seeds)
        let robustness = try ClaimsCommand.RobustnessSummary.parse(
            [folders.results.path, "--into", folders.results.path, "--experiments", folders.experiments.path])
        try robustness.run()
        let command = try parse(ClaimsCommand.Index.self, folders)
        try command.run()
        let index = try String(contentsOf: folders.results.appendingPathComponent("README.md"), encoding: .utf8)
        for id in Self.ids.keys { #expect(index.contains("\(id)/README.md")) }
        #expect(index.contains("| 20/20 |"))
        #expect(index.contains("x is small"))
    }

    @Test func catalogueIsDiscoveredInCLAIMSOrder() throws {
        let folders = try Self.folders()
        #expect(try ClaimCatalogue.discover(in: folders.experiments).map(\.id) == ["alpha-claim", "beta-claim"])
    }
}

/// `claims diff OLD NEW`: verdict changes fail, moved numbers within the tolerance do not, and the table puts
/// changed rows first.
@Suite struct ClaimsDiffTests {
    @Test func sameFoldersAreUnchangedAndExitZero() throws {
        let folders = try ClaimsToolTests.folders()
        let command = try ClaimsCommand.Diff.parse([folders.results.path, folders.results.path,
                                                    "--experiments", folders.experiments.path])
        try command.run()
    }

    @Test func aChangedVerdictExitsOne() throws {
        let old = try ClaimsToolTests.folders(), new = try ClaimsToolTests.folders(flipping: "beta-claim")
        let command = try ClaimsCommand.Diff.parse([old.results.path, new.results.path,
                                                    "--experiments", old.experiments.path])
        #expect(throws: ExitCode.failure) { try command.run() }
    }

    /// A full run's verdict beside a quick run's is shown but is not a change: they judge different protocols.
    @Test func aVerdictDifferingBetweenFullAndQuickIsShownNotCounted() throws {
        let old = try ClaimsToolTests.folders(mode: "full"), new = try ClaimsToolTests.folders(flipping: "beta-claim")
        let command = try ClaimsCommand.Diff.parse([old.results.path, new.results.path,
                                                    "--experiments", old.experiments.path])
        try command.run()
        func results(_ folder: URL) throws -> [String: ClaimResult] {
            try Dictionary(uniqueKeysWithValues: ClaimsToolTests.ids.keys.map { ($0, try ClaimResult.read(claim: $0, in: folder)) })
        }
        let diff = ReportDiff(old: try results(old.results), new: try results(new.results),
                              ids: ClaimsToolTests.ids.keys.sorted(), tolerance: 1e-5)
        #expect(!diff.verdictChanged)
        #expect(diff.markdown().contains("| beta-claim | verdict (full vs quick) | not reproduced | reproduced |  |"))
        #expect(diff.markdown().contains("2 verdicts differ between a full and a quick run"))   // in force and pre-registered
    }

    /// Runs on disjoint seeds (0 against the fresh 1000) have no numbers to compare, and say so.
    @Test func disjointSeedsAreSaidNotCompared() throws {
        func results(_ folder: URL) throws -> [String: ClaimResult] {
            try Dictionary(uniqueKeysWithValues: ClaimsToolTests.ids.keys.map { ($0, try ClaimResult.read(claim: $0, in: folder)) })
        }
        let old = try ClaimsToolTests.folders(seeds: [0]), new = try ClaimsToolTests.folders(seeds: [1000])
        let diff = ReportDiff(old: try results(old.results), new: try results(new.results),
                              ids: ClaimsToolTests.ids.keys.sorted(), tolerance: 1e-5)
        #expect(diff.markdown().contains("| alpha-claim | claim metrics | seeds 0 | seeds 1000 (no seed in common) |"))
        #expect(!diff.verdictChanged)
    }

    @Test func aNegativeToleranceIsAUsageError() {
        #expect(throws: (any Error).self) { try ClaimsCommand.Diff.parse(["a", "b", "--tolerance", "-1"]) }
    }

    @Test func relativeChangeAgainstAClosedForm() {
        #expect(ReportDiff.relativeChange(1, 1) == 0)
        #expect(ReportDiff.relativeChange(.nan, .nan) == 0)
        #expect(ReportDiff.relativeChange(.nan, 1) == 1)
        #expect(abs(ReportDiff.relativeChange(2, 2.000002) - 0.000002 / 2.000002) < 1e-14)
        #expect(ReportDiff.relativeChange(-1, 1) == 2)
    }

    @Test func movedMetricsWithinToleranceAreUnchangedAndChangedRowsComeFirst() {
        let small = ReportDiff.metricRow(claim: "c", quantity: "claim.x", [1, 2], [1, 2.000001], tolerance: 1e-5)
        let large = ReportDiff.metricRow(claim: "c", quantity: "claim.y", [1, 2], [1.1, 2], tolerance: 1e-5)
        let missing = ReportDiff.metricRow(claim: "c", quantity: "claim.z", [1], nil, tolerance: 1e-5)
        #expect(!small.changed && large.changed && missing.changed)
        #expect(abs(large.relativeChange! - 0.1 / 1.1) < 1e-12)
    }
}

/// The gallery's caption lookup against a page written the way `FigureBlock` writes one.
@Suite struct GalleryTests {
    static let readme = """
        ![First](figures/first.svg)\\
        *Figure 1 — the first caption, with — a dash*\\
        [PNG](figures/first.png)

        ![Second](figures/second.svg)\\
        *Figure 2*\\
        """

    @Test func captionIsTheLineUnderTheImage() {
        #expect(Gallery.caption(of: "first", in: Self.readme) == "the first caption, with — a dash")
        #expect(Gallery.caption(of: "second", in: Self.readme) == "")
        #expect(Gallery.caption(of: "third", in: Self.readme) == nil)
    }

    @Test func pageShowsEveryEntryAtReadableWidth() {
        let entry = Gallery.Entry(id: "c", title: "A \"quoted\" title", verdict: .reproduced, takeHome: "x is small",
                                  figure: "first", caption: "the caption", formats: ["svg", "png", "pdf"])
        let page = Gallery.page([entry])
        #expect(page.contains("<img src=\"c/figures/first.png\" width=\"720\" alt=\"A &quot;quoted&quot; title\">"))
        #expect(page.contains("`reproduced` ✅ — x is small"))
        #expect(page.contains("[SVG](c/figures/first.svg) · [PDF](c/figures/first.pdf)"))
    }
}
