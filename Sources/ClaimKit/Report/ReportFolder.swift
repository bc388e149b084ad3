import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes `<output>/<claim-id>/` all at once: everything goes into a staging folder `<output>/.<id>.partial-<pid>`
/// that is swapped into place only when complete. A failure, SIGINT or SIGTERM removes the staging folder and keeps
/// the previous report; staging folders left by a killed process (SIGKILL) are removed by the next run. So the output
/// folder never keeps a half-written report or a dot-folder.
public struct ReportFolder {
    public let output: URL
    public let id: String

    public init(output: String, id: String) {
        self.output = URL(fileURLWithPath: output, isDirectory: true)
        self.id = id
    }

    /// Creates the output folder and removes stale staging folders of dead processes.
    public func prepare() throws {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw ClaimError.unwritableOutput(path: output.path, reason: "cannot create the folder")
        }
        guard fileManager.isWritableFile(atPath: output.path) else {
            throw ClaimError.unwritableOutput(path: output.path, reason: "permission denied")
        }
        Self.removeStale(in: output)
    }

    /// Fills a staging folder with `fill` and swaps it into `<output>/<id>/`.
    public func write(_ fill: (URL) throws -> Void) throws {
        let fileManager = FileManager.default
        let final = output.appendingPathComponent(id, isDirectory: true)
        let staging = output.appendingPathComponent(".\(id).partial-\(getpid())", isDirectory: true)
        try? fileManager.removeItem(at: staging)
        let cleanup = InterruptCleanup(removing: [staging.path])
        defer { cleanup.cancel() }
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try fill(staging)
            try Self.swap(staging, into: final)
        } catch {
            try? fileManager.removeItem(at: staging)
            if let claimError = error as? ClaimError { throw claimError }
            throw ClaimError.unwritableOutput(path: final.path, reason: "\(error)")
        }
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

    /// Removes `.<id>.partial-<pid>` and `.<id>.previous-<pid>` folders whose process is gone.
    static func removeStale(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".partial-") ?? name.range(of: ".previous-"),
                  let pid = Int32(name[marker.upperBound...]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}

/// While alive, SIGINT and SIGTERM remove `paths`, print one line and exit with 128 + the signal.
final class InterruptCleanup: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(removing paths: [String]) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                for path in paths { try? FileManager.default.removeItem(atPath: path) }
                let name = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "experiment"
                FileHandle.standardError.write(Data("\(name): error: \(ClaimError.interrupted(signal: signalNumber))\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
