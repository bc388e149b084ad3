import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the gnuplot executable on a script file and reports its errors.
///
/// gnuplot runs on a *file* (it stops at the first error and names the line; over standard input it would
/// run on past errors), with `-d` so no personal `~/.gnuplot` changes the output, in the C.UTF-8 locale,
/// with standard input closed. Its standard error is drained before waiting for it to exit, so a chatty
/// run cannot fill the pipe and hang.
///
/// ```swift
/// let runner = GnuplotRunner()                                    // gnuplot found on PATH
/// try runner.run(script: "loss.gp", in: figuresFolder)
/// let missing = GnuplotRunner(executable: URL(fileURLWithPath: "/nonexistent/gnuplot"))
/// ```
public struct GnuplotRunner: Sendable {
    /// The gnuplot executable.
    public let executable: URL

    /// A runner for `executable`, by default the first `gnuplot` on `PATH` (else `/usr/bin/gnuplot`).
    public init(executable: URL? = nil) {
        self.executable = executable ?? Self.findOnPath()
    }

    /// True when the executable exists and may be run.
    public var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// Runs `gnuplot -d <script>` with `folder` as the current directory.
    ///
    /// - Throws: ``GnuplotError/notInstalled(executable:)`` when there is no executable;
    ///   ``GnuplotError/scriptFailed(script:line:lineText:message:)`` with gnuplot's message and the
    ///   offending line when gnuplot exits with an error.
    public func run(script: String, in folder: URL) throws {
        guard isInstalled else { throw GnuplotError.notInstalled(executable: executable.path) }
        Self.ignoreBrokenPipes()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-d", script]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment["SOURCE_DATE_EPOCH"] = "0"
        environment.removeValue(forKey: "GNUTERM")
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GnuplotError.notInstalled(executable: executable.path)
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw failure(text, script: script, in: folder, status: process.terminationStatus)
        }
    }

    /// gnuplot's message `"<script>" line 12: undefined function: foo`, with line 12 of the script.
    private func failure(_ output: String, script: String, in folder: URL, status: Int32) -> GnuplotError {
        let messages = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let marker = "\"\(script)\" line "
        guard let located = messages.last(where: { $0.hasPrefix(marker) }) else {
            let message = messages.last(where: { !$0.isEmpty }) ?? "exit status \(status) with no message"
            return .scriptFailed(script: script, line: nil, lineText: nil, message: message)
        }
        let rest = located.dropFirst(marker.count)
        let number = Int(rest.prefix { $0.isNumber })
        let message = rest.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
        var lineText: String?
        if let number, let source = try? String(contentsOf: folder.appendingPathComponent(script), encoding: .utf8) {
            lineText = Self.command(endingAt: number, in: source.components(separatedBy: "\n"), message: message)
        }
        return .scriptFailed(script: script, line: number, lineText: lineText, message: message)
    }

    /// The script text gnuplot's error refers to. gnuplot names the *last* line of a command continued
    /// with `\`, so the whole command is taken; when one of its lines holds the name the message ends with
    /// (`undefined function: foo`), that line alone; when none does, the earlier line calling `foo(`
    /// (a function definition); else the command joined on one line.
    static func command(endingAt number: Int, in lines: [String], message: String) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var first = number - 1
        while first > 0, lines[first - 1].hasSuffix("\\") { first -= 1 }
        let parts = lines[first..<number].map {
            ($0.hasSuffix("\\") ? String($0.dropLast()) : $0).trimmingCharacters(in: .whitespaces)
        }
        let name = message.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if !name.isEmpty, !name.contains(" ") {
            if parts.count > 1, let part = parts.first(where: { $0.contains(name) }) {
                return part.hasSuffix(",") ? String(part.dropLast()) : part
            }
            // A name used inside a function defined earlier (`curve1(x) = slope(x)`) fails only when plotted.
            if !parts.contains(where: { $0.contains(name) }),
               let definition = lines[..<first].last(where: { $0.contains(name + "(") }) {
                return definition.trimmingCharacters(in: .whitespaces)
            }
        }
        return parts.joined(separator: " ")
    }

    private static func findOnPath() -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: "/usr/bin/gnuplot")
    }

    /// A write to a pipe whose reader has gone must fail with EPIPE, not kill the process.
    private static func ignoreBrokenPipes() {
        _ = signal(SIGPIPE, SIG_IGN)
    }
}
