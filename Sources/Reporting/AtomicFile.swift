import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file so that readers only ever see the old content or the new, never half of it.
///
/// The text goes to a temporary file in the destination's folder (same file system), is flushed to disk, and is then
/// renamed over the destination with POSIX `rename`, which replaces it in one step. On any failure the temporary
/// file is removed and the destination is left as it was.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `url`, creating the folder when it is missing.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes `data` to `url`, creating the folder when it is missing. The file gets mode 0644 less the umask; an
    /// existing file's mode is not kept.
    public static func write(_ data: Data, to url: URL) throws {
        precondition(url.isFileURL, "AtomicFile: \(url) is not a file URL")
        let destination = url.standardizedFileURL
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
        }
        // A dot-name with a random suffix: hidden from globs, and distinct for concurrent writers.
        let temporary = folder.appendingPathComponent(
            ".\(destination.lastPathComponent).\(UInt64.random(in: 0...UInt64.max)).tmp").path

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicFileError.cannotWrite(path: temporary, reason: lastError())
        }
        var written = 0
        let failure: String? = data.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                written += result
            }
            return fsync(descriptor) == 0 ? nil : lastError()
        }
        let closed = close(descriptor) == 0
        if let failure {
            unlink(temporary)
            throw AtomicFileError.cannotWrite(path: temporary, reason: failure)
        }
        guard closed else {
            let reason = lastError()
            unlink(temporary)
            throw AtomicFileError.cannotWrite(path: temporary, reason: reason)
        }
        guard rename(temporary, destination.path) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw AtomicFileError.cannotReplace(path: destination.path, reason: reason)
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        // Qualified, because inside this type `write` names the methods above.
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// Why an atomic write failed; the destination is unchanged in every case.
public enum AtomicFileError: Error, Equatable, CustomStringConvertible {
    /// The destination's folder is missing and could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The temporary file could not be created, written or flushed.
    case cannotWrite(path: String, reason: String)
    /// The temporary file could not be renamed over the destination.
    case cannotReplace(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateFolder(path, reason): "cannot create folder \(path): \(reason)"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .cannotReplace(path, reason): "cannot rename a temporary file over \(path): \(reason)"
        }
    }
}
