import CZlib
import Foundation

/// A streaming reader of one gzip file through zlib's `gzopen`/`gzread`: bytes are inflated straight into the caller's
/// buffer through a 1 MiB input buffer, so nothing but the decompressed payload is held in memory.
///
/// zlib would read a non-gzip file "transparently" (copying it); this reader refuses that, so a damaged or uncompressed
/// file is reported instead of being parsed as if it were data.
struct GzipReader: ~Copyable {
    let path: String
    private let file: gzFile

    /// Opens `path`, checking that it exists, is readable and starts with a gzip header.
    init(path: String) throws(DatasetError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a directory") }
        guard let file = gzopen(path, "rb") else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        gzbuffer(file, 1 << 20)
        // gzdirect reads the header: 1 means zlib found no gzip magic (or an empty file) and would copy bytes as-is.
        if gzdirect(file) != 0 {
            gzclose_r(file)
            throw .notGzip(path: path)
        }
        self.path = path
        self.file = file
    }

    deinit { gzclose_r(file) }

    /// Inflates up to `count` bytes into `destination`; returns how many were produced (fewer only at the end of the
    /// stream), or nil when zlib reports a damaged stream (see `corruption()`).
    private func inflate(into destination: UnsafeMutableRawPointer, count: Int) -> Int? {
        var done = 0
        while done < count {
            // gzread takes an unsigned int and returns an int: read in chunks below 2³⁰.
            let n = gzread(file, destination + done, UInt32(min(count - done, 1 << 30)))
            if n < 0 { return nil }
            if n == 0 { break }
            done += Int(n)
        }
        // A stream cut short ends with a buffer error and a zero count rather than -1: check the status too.
        var status: Int32 = Z_OK
        _ = gzerror(file, &status)
        return status == Z_OK || status == Z_STREAM_END ? done : nil
    }

    /// Reads `count` bytes into a new array (no zero-fill); fewer only at the end of the stream.
    ///
    /// Memory grows with what the stream actually holds, 256 MiB at a time, never with what `count` claims: a damaged
    /// header that promises terabytes yields a short read (reported as truncated), not a failed allocation.
    func readBytes(_ count: Int) throws(DatasetError) -> [UInt8] {
        let chunkSize = 1 << 28
        var chunks: [[UInt8]] = []
        var total = 0
        while total < count {
            let wanted = min(count - total, chunkSize)
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                if let got = inflate(into: buffer.baseAddress!, count: wanted) {
                    initialized = got
                } else {
                    initialized = 0
                    failed = true
                }
            }
            if failed { throw corruption() }
            total += chunk.count
            chunks.append(chunk)
            if chunk.count < wanted { break }
        }
        return chunks.count == 1 ? chunks[0] : Array(chunks.joined())
    }

    /// The number of bytes left in the stream (read and discarded).
    func drain() throws(DatasetError) -> Int {
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { scratch.deallocate() }
        var total = 0
        while true {
            guard let n = inflate(into: scratch, count: 1 << 16) else { throw corruption() }
            if n == 0 { return total }
            total += n
        }
    }

    private func corruption() -> DatasetError {
        var status: Int32 = Z_OK
        let message = gzerror(file, &status).map { String(cString: $0) } ?? "unknown error"
        if status == Z_ERRNO { return .unreadable(path: path, reason: String(cString: strerror(errno))) }
        return .corruptGzip(path: path, zlibMessage: message.isEmpty ? "error \(status)" : message)
    }
}
