import ArgumentParser
import ClaimKit
import Foundation
import Reporting

/// `claims list | index DIR | check DIR | robustness DIR | diff OLD NEW | merge SHARDS --into OUT`: the catalogue
/// (discovered from experiments/*/report.md), the reports index, the regression check of verdicts, the fresh-seed
/// stability summary, the comparison of two report folders, and the merge of sharded runs (a Slurm job array's).
@main
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List the claims, index their reports, check verdicts against expectations, summarise fresh seeds, "
            + "compare two report folders, merge sharded runs.",
        subcommands: [List.self, Index.self, CheckVerdicts.self, RobustnessSummary.self, Diff.self, Merge.self])

    /// Where the claims are discovered.
    struct CatalogueOptions: ParsableArguments {
        @Option(help: ArgumentHelp("The experiments folder holding <claim-id>/report.md.", valueName: "DIR"))
        var experiments = "experiments"

        @Option(name: .customLong("claims"),
                help: ArgumentHelp("Comma-separated claim ids to consider (default: every claim).", valueName: "LIST"))
        var only: String?

        func claims() throws -> [ClaimMetadata] {
            let all = try ClaimCatalogue.discover(in: URL(fileURLWithPath: experiments, isDirectory: true))
            guard let only else { return all }
            let ids = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = ids.first(where: { id in !all.contains { $0.id == id } }) {
                throw ValidationError("--claims: unknown claim '\(unknown)'; `claims list` prints the ids.")
            }
            return all.filter { ids.contains($0.id) }
        }
    }

    /// A reports folder that must exist.
    static func folder(_ path: String) throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ClaimError.missingReports(path: path)
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every claim's id, expected verdict and title.")
        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            for claim in try catalogue.claims() { print("\(claim.id)\t\(claim.expected.rawValue)\t\(claim.title)") }
        }
    }

    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write DIR/README.md: one row per claim with verdict, take-home sentence, fresh-seed stability, "
                + "link and thumbnail; DIR/gallery.md: every key figure with its caption, verdict and take-home; and "
                + "DIR/claims.tex: a LaTeX macro per verdict and headline number.")
        @Argument(help: "The reports folder holding <claim-id>/result.json for every claim.")
        var directory: String
        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            let folder = try ClaimsCommand.folder(directory)
            let robustness = try Robustness.read(in: folder)
            var rows: [IndexRow] = []
            var gallery: [Gallery.Entry] = []
            for claim in try catalogue.claims() {
                let result = try ClaimResult.read(claim: claim.id, in: folder)
                let readme = try? String(contentsOf: folder.appendingPathComponent("\(claim.id)/README.md"), encoding: .utf8)
                if let key = result.keyFigure, let caption = readme.flatMap({ Gallery.caption(of: key, in: $0) }) {
                    gallery.append(Gallery.Entry(id: claim.id, title: claim.title, verdict: result.verdict,
                                                 takeHome: result.takeHome, figure: key, caption: caption,
                                                 formats: result.formats))
                }
                let thumbnailFormat = result.formats.contains("png") ? "png" : result.formats.first
                let thumbnail = result.keyFigure.flatMap { name in thumbnailFormat.map { "\(claim.id)/figures/\(name).\($0)" } }
                rows.append(IndexRow(claimID: claim.id, title: claim.title, verdict: result.verdict.rawValue,
                                     symbol: result.verdict.symbol, expectedVerdict: claim.expected.rawValue,
                                     keyNumber: result.takeHome, reportPath: "\(claim.id)/README.md",
                                     thumbnailPath: thumbnail,
                                     preregisteredVerdict: result.preregisteredVerdict == result.verdict
                                        ? nil : result.preregisteredVerdict.rawValue,
                                     stability: robustness?.claims[claim.id]?.text))
            }
            let page = IndexPage(
                title: "LectureClaims — the claims of CS231n Lecture 6, reproduced",
                introduction: "Each row is one claim from the lecture notes, tested by an experiment on this project's "
                    + "own engine over seeds 0–4. A verdict is `reproduced` when the check holds on every seed and "
                    + "its negative control is rejected, `not reproduced` when the check fails, and `inconclusive` "
                    + "otherwise. ⚠️ marks a claim whose verdict under the rules pre-registered in CLAIMS.md differs; "
                    + "\"fresh seeds\" counts the seeds 1000–1019 (quick mode, `make robustness`) that each agree with "
                    + "the expected verdict. Every key figure with its caption, on one page: [gallery](gallery.md). "
                    + "Regenerate everything with `make robustness reports`.",
                rows: rows)
            try AtomicFile.write(page.rendered(), to: folder.appendingPathComponent("README.md"))
            try AtomicFile.write(Gallery.page(gallery), to: folder.appendingPathComponent("gallery.md"))
            let macros = try LatexMacros.write(claims: try catalogue.claims(), in: folder)   // claims.tex
            print("wrote \(folder.appendingPathComponent("README.md").path) (\(rows.count) claims), gallery.md "
                  + "(\(gallery.count) key figures) and \(LatexMacros.fileName) (\(macros) macros)")
        }
    }

    struct CheckVerdicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Compare every claim's result.json in DIR with its expected verdict; exit 1 on any mismatch, "
                + "missing result or inconclusive verdict.")
        @Argument(help: "The folder holding <claim-id>/result.json (e.g. scratch/check).")
        var directory: String
        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            let folder = try ClaimsCommand.folder(directory)
            let claims = try catalogue.claims()
            var failures = 0
            var lines = [("claim", "expected", "verdict", "status")]
            for claim in claims {
                let status: String, verdict: String
                do {
                    let result = try ClaimResult.read(claim: claim.id, in: folder)
                    verdict = result.verdict.rawValue
                    status = result.verdict == .inconclusive ? "FAIL (inconclusive)"
                        : result.verdict != claim.expected ? "FAIL (differs)" : "ok"
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
            print("claims check: \(claims.count - failures) of \(claims.count) verdicts as expected")
            if failures > 0 { throw ExitCode.failure }
        }
    }

    struct RobustnessSummary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "robustness",
            abstract: "Read the fresh-seed runs in DIR (quick mode, seeds 1000–1019) and write INTO/robustness.json: per "
                + "claim, on how many seeds the outcome agrees with the expected verdict; per rule, on how many it holds.")
        @Argument(help: "The folder the fresh-seed runs wrote (e.g. scratch/robustness).")
        var directory: String
        @Option(help: ArgumentHelp("The reports folder that receives robustness.json.", valueName: "DIR"))
        var into = "reports"
        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            let folder = try ClaimsCommand.folder(directory)
            var claims: [String: Robustness.ClaimStability] = [:]
            for claim in try catalogue.claims() {
                let result = try ClaimResult.read(claim: claim.id, in: folder)
                guard result.seeds == Robustness.seeds else {
                    throw ClaimError.unreadableResult(path: "\(directory)/\(claim.id)/result.json",
                                                      reason: "seeds \(result.seeds.first ?? 0)… are not the fresh seeds 1000–1019")
                }
                let stability = Robustness.ClaimStability(result)
                claims[claim.id] = stability
                print("\(claim.id): \(stability.text) fresh seeds agree with `\(claim.expected.rawValue)`"
                      + (stability.isStable ? "" : " — below 19/20") + "; per rule: "
                      + stability.rules.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)/\(stability.seeds.count)" }
                        .joined(separator: ", "))
            }
            let output = URL(fileURLWithPath: into, isDirectory: true)
            try AtomicFile.write(try Robustness(claims: claims).encoded(),
                                 to: output.appendingPathComponent(Robustness.fileName))
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two report folders (e.g. reports and a fresh run): per claim the verdicts and every "
                + "metric with its relative change, as a Markdown table, changed rows first; exit 1 when a verdict "
                + "changed or a claim is missing, 0 when only numbers moved. A verdict that differs between a full and "
                + "a quick run is shown, marked 'full vs quick', but not counted: they judge different protocols.")
        @Argument(help: "The old reports folder (e.g. the committed reports).")
        var old: String
        @Argument(help: "The new reports folder (e.g. scratch/check).")
        var new: String
        @Option(help: ArgumentHelp("Largest relative change of a metric that counts as unchanged.", valueName: "R"))
        var tolerance = 1e-5
        @OptionGroup var catalogue: CatalogueOptions

        func validate() throws {
            guard tolerance >= 0, tolerance.isFinite else {
                throw ValidationError("--tolerance must be a relative change ≥ 0, e.g. 1e-5 (got \(tolerance))")
            }
        }

        func run() throws {
            let (oldFolder, newFolder) = (try ClaimsCommand.folder(old), try ClaimsCommand.folder(new))
            let ids = try catalogue.claims().map(\.id)
            // A claim without a result is a "missing" row; one whose result.json cannot be read says why on stderr.
            func results(in folder: URL) -> [String: ClaimResult] {
                Dictionary(uniqueKeysWithValues: ids.compactMap { id in
                    do {
                        return (id, try ClaimResult.read(claim: id, in: folder))
                    } catch ClaimError.missingResult {
                        return nil
                    } catch {
                        FileHandle.standardError.write(Data("claims diff: \(error)\n".utf8))
                        return nil
                    }
                })
            }
            let diff = ReportDiff(old: results(in: oldFolder), new: results(in: newFolder), ids: ids, tolerance: tolerance)
            print(diff.markdown(), terminator: "")
            if diff.verdictChanged { throw ExitCode.failure }
        }
    }
}
