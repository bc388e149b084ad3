import ArgumentParser
import ClaimKit
import Foundation
import Reporting

/// `claims list | index DIR | check DIR`: the catalogue, the reports index, and the regression check of verdicts.
@main
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List the claims, index their reports, and check verdicts against expectations.",
        subcommands: [List.self, Index.self, CheckVerdicts.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every claim's id, expected verdict and statement.")

        func run() {
            for claim in Catalogue.all {
                print("\(claim.id)\t\(claim.expected.rawValue)\t\(claim.statement)")
            }
        }
    }

    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write DIR/README.md: one row per claim with verdict, key number, link and thumbnail.")

        @Argument(help: "The reports folder holding <claim-id>/result.json for every claim.")
        var directory: String

        func run() throws {
            let folder = URL(fileURLWithPath: directory, isDirectory: true)
            var rows: [IndexRow] = []
            for claim in Catalogue.all {
                let result = try ResultFile.read(from: folder.appendingPathComponent("\(claim.id)/result.json"))
                let thumbnailFormat = result.formats.contains("png") ? "png" : result.formats.first
                let thumbnail = (result.keyFigure ?? result.figures.first).flatMap { name in
                    thumbnailFormat.map { "\(claim.id)/figures/\(name).\($0)" }
                }
                rows.append(IndexRow(claimID: claim.id, title: claim.title, verdict: result.verdict.rawValue,
                                     symbol: result.verdict.symbol, expectedVerdict: claim.expected.rawValue,
                                     keyNumber: result.keyNumber, reportPath: "\(claim.id)/README.md",
                                     thumbnailPath: thumbnail))
            }
            let page = IndexPage(
                title: "LectureClaims — the claims of CS231n Lecture 6, reproduced",
                introduction: "Each row is one claim from the lecture notes, tested by an experiment on this project's "
                    + "own engine over seeds 0–4. A verdict is `reproduced` when the check holds on every seed and "
                    + "its negative control is rejected, `not reproduced` when the check fails, and `inconclusive` "
                    + "otherwise. Regenerate everything with `make reports`.",
                rows: rows)
            try AtomicFile.write(page.rendered(), to: folder.appendingPathComponent("README.md"))
            print("wrote \(folder.appendingPathComponent("README.md").path) (\(rows.count) claims)")
        }
    }

    struct CheckVerdicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Compare every claim's result.json in DIR with its expected verdict; exit 1 on any mismatch, "
                + "missing result or inconclusive verdict.")

        @Argument(help: "The folder holding <claim-id>/result.json (e.g. scratch/check).")
        var directory: String

        func run() throws {
            let folder = URL(fileURLWithPath: directory, isDirectory: true)
            var failures = 0
            var lines = [("claim", "expected", "verdict", "status")]
            for claim in Catalogue.all {
                let status: String, verdict: String
                do {
                    let result = try ResultFile.read(from: folder.appendingPathComponent("\(claim.id)/result.json"))
                    verdict = result.verdict.rawValue
                    if result.verdict == .inconclusive {
                        status = "FAIL (inconclusive)"
                    } else if result.verdict != claim.expected {
                        status = "FAIL (differs)"
                    } else {
                        status = "ok"
                    }
                } catch {
                    verdict = "—"
                    status = "FAIL (\(error))"
                }
                if status != "ok" { failures += 1 }
                lines.append((claim.id, claim.expected.rawValue, verdict, status))
            }
            let widths = [lines.map(\.0.count).max()!, lines.map(\.1.count).max()!, lines.map(\.2.count).max()!]
            func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
            for line in lines {
                print("\(pad(line.0, widths[0]))  \(pad(line.1, widths[1]))  \(pad(line.2, widths[2]))  \(line.3)")
            }
            print("claims check: \(Catalogue.all.count - failures) of \(Catalogue.all.count) verdicts as expected")
            if failures > 0 { throw ExitCode.failure }
        }
    }
}
