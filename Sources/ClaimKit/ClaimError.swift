/// What goes wrong outside the program's control while running a claim or reading results. Each message is one line:
/// what is wrong, then how to fix it.
public enum ClaimError: Error, CustomStringConvertible, Equatable {
    case missingResult(path: String)
    case unreadableResult(path: String, reason: String)
    case unwritableOutput(path: String, reason: String)
    case figureFailed(String)
    case badTemplate(path: String, reason: String)
    case noExperiments(path: String)
    case missingReports(path: String)
    case interrupted(signal: Int32)
    case badShards(String)

    public var description: String {
        switch self {
        case .missingResult(let path):
            "no result at \(path); run the experiment first (e.g. `make check` or `make reports`)."
        case .unreadableResult(let path, let reason):
            "cannot read \(path) (\(reason)); rerun the experiment to regenerate it."
        case .unwritableOutput(let path, let reason):
            "cannot write the report into \(path) (\(reason)); choose a writable folder with --output DIR."
        case .figureFailed(let message):
            message
        case .badTemplate(let path, let reason):
            "\(path) is not a valid claim template: \(reason); fix the file (see experiments/sigmoid-vanishing-gradients/report.md)."
        case .noExperiments(let path):
            "no experiments folder at \(path); run from the project's root or pass --experiments DIR."
        case .missingReports(let path):
            "no reports folder at \(path); run `make check` or `make reports` first, or name an existing folder."
        case .badShards(let message):
            message
        case .interrupted(let signal):
            "interrupted by signal \(signal); the partial report was removed and the previous one kept."
        }
    }
}
