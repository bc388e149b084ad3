import ArgumentParser
import ClaimKit
import Foundation

extension ClaimsCommand {
    /// `claims merge SHARDS --into OUT`: every claim's shards judged and written by its own executable
    /// (`<claim-id> --merge SHARDS --output OUT`), which alone knows its metrics, rules and figures.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Judge the shards in SHARDS/<claim-id>/ (written by `<claim-id> --shard k/n`) and write each "
                + "claim's report into OUT, as a single run would; a missing, duplicated or foreign shard is an "
                + "error naming it.")
        @Argument(help: "The folder the shards were written into (their --output).")
        var shards: String
        @Option(help: ArgumentHelp("The folder that receives the reports.", valueName: "OUT"))
        var into: String
        @Flag(help: "The shards were measured with --quick.")
        var quick = false
        @Option(help: ArgumentHelp("The run's --seeds, as given to the shards.", valueName: "N"))
        var seeds: Int?
        @Option(help: ArgumentHelp("The run's --first-seed, as given to the shards.", valueName: "K"))
        var firstSeed: Int?
        @Flag(help: "Judge and write result.json only (no figures, no README).")
        var judgeOnly = false
        @Option(help: ArgumentHelp("Figure formats, as the experiments' --formats.", valueName: "LIST"))
        var formats: String?
        @Option(help: ArgumentHelp("The folder holding the experiments' executables (default: this one's).",
                                   valueName: "DIR"))
        var bin: String?
        @OptionGroup var catalogue: CatalogueOptions

        func run() throws {
            _ = try ClaimsCommand.folder(shards)
            let ids = try catalogue.claims().map(\.id)
            let folder = bin.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? Bundle.main.executableURL!.deletingLastPathComponent()
            var arguments = ["--merge", shards, "--output", into]
            if quick { arguments.append("--quick") }
            if let seeds { arguments += ["--seeds", "\(seeds)"] }
            if let firstSeed { arguments += ["--first-seed", "\(firstSeed)"] }
            if judgeOnly { arguments.append("--judge-only") }
            if let formats { arguments += ["--formats", formats] }
            var failed: [String] = []
            for id in ids {
                let executable = folder.appendingPathComponent(id)
                guard FileManager.default.isExecutableFile(atPath: executable.path) else {
                    throw ValidationError("no executable \(executable.path); build first (`make build`) or pass --bin DIR.")
                }
                let process = Process()
                process.executableURL = executable
                process.arguments = arguments
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus != 0 { failed.append(id) }
            }
            guard failed.isEmpty else {
                FileHandle.standardError.write(Data(("claims merge: \(failed.count) of \(ids.count) claims could not "
                    + "be merged (\(failed.joined(separator: ", "))); each error above names the shard to rerun.\n").utf8))
                throw ExitCode.failure
            }
        }
    }
}
