import Foundation

/// Why a figure could not be rendered; each message is one line saying what is wrong and how to fix it.
///
/// ```swift
/// do { try renderer.render(figure, named: "loss-curve", in: folder) }
/// catch let error as GnuplotError { print(error) }
/// // gnuplot is not installed (no executable at /usr/bin/gnuplot): install it with `apt-get install gnuplot-nox` (or `make deps`).
/// ```
public enum GnuplotError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// No gnuplot executable at `executable`.
    case notInstalled(executable: String)
    /// The figure name is not kebab-case (lower-case letters and digits joined by single hyphens).
    case invalidName(String)
    /// gnuplot stopped on an error: its message, and where known the script line and that line's text.
    case scriptFailed(script: String, line: Int?, lineText: String?, message: String)
    /// gnuplot reported success but did not write an output file (or wrote an empty one).
    case missingOutput(path: String)
    /// Reading or writing files failed.
    case fileSystem(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notInstalled(executable):
            return "gnuplot is not installed (no executable at \(executable)): install it with `apt-get install gnuplot-nox` (or `make deps`)."
        case let .invalidName(name):
            return "figure name '\(name)' is not kebab-case: use lower-case letters and digits joined by single hyphens, e.g. 'gradient-norm-per-layer'."
        case let .scriptFailed(script, line, lineText, message):
            let place = line.map { " at line \($0)" } ?? ""
            let text = lineText.map { " `\($0)`" } ?? ""
            return "gnuplot failed\(place) of \(script)\(text): \(message) — fix the series, label or expression that produced this line."
        case let .missingOutput(path):
            return "gnuplot exited without error but did not write \(path): run the script by hand (gnuplot \((path as NSString).deletingPathExtension).gp) to see why."
        case let .fileSystem(path, reason):
            return "cannot write \(path): \(reason) — check that the folder exists and is writable."
        }
    }

    public var errorDescription: String? { description }
}
