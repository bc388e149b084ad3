/// Why a data set could not be read. Every case describes itself in one line that says what is wrong and how to fix it
/// (`description`), because these errors come from the outside world (a missing package, a damaged download) and are
/// thrown, never trapped.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data directory does not exist. `source` says where the path came from (parameter, environment, default).
    case directoryNotFound(path: String, source: String)
    /// A file the loader needs is not in its directory.
    case fileNotFound(path: String)
    /// The file exists but cannot be opened (permissions, or it is a directory).
    case unreadable(path: String, reason: String)
    /// The file does not start with the gzip magic bytes 1f 8b (an empty file, or an uncompressed IDX file).
    case notGzip(path: String)
    /// zlib stopped decompressing: a damaged stream, a failed CRC, or a file cut short. `zlibMessage` is zlib's own.
    case corruptGzip(path: String, zlibMessage: String)
    /// The IDX header is shorter than its fixed size.
    case truncatedHeader(path: String, expectedBytes: Int, gotBytes: Int)
    /// The magic number (first four bytes, big-endian) is not the expected one for this kind of IDX file.
    case wrongMagicNumber(path: String, expected: UInt32, found: UInt32)
    /// The header's dimensions multiply to more bytes than any file can hold (a damaged header).
    case implausibleDimensions(path: String, dimensions: [Int])
    /// The decompressed payload is shorter than the header's dimensions promise.
    case truncatedPayload(path: String, expectedBytes: Int, gotBytes: Int)
    /// The decompressed payload is longer than the header's dimensions promise.
    case trailingBytes(path: String, expectedBytes: Int, extraBytes: Int)
    /// A label is outside 0..<classCount.
    case labelOutOfRange(path: String, index: Int, label: Int, classCount: Int)
    /// An images file and its labels file disagree on the number of examples.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// The images are not the size the data set promises (e.g. 28×28 for Fashion-MNIST).
    case unexpectedImageSize(path: String, expected: [Int], found: [Int])

    /// The hint every "where are the files" error ends with.
    static let installHint = "install it with `apt-get install dataset-fashion-mnist` or set \(FashionMNIST.environmentVariable) "
        + "to the folder holding its four *-ubyte.gz files"

    /// One line: the problem, then how to fix it.
    public var description: String {
        switch self {
        case let .directoryNotFound(path, source):
            return "Data directory \(path) (\(source)) does not exist: \(Self.installHint)."
        case let .fileNotFound(path):
            return "Data file \(path) does not exist: \(Self.installHint)."
        case let .unreadable(path, reason):
            return "Cannot open \(path) (\(reason)): check that it is a readable regular file."
        case let .notGzip(path):
            return "\(path) is not a gzip file (it is empty or does not start with bytes 1f 8b): "
                + "use the original .gz download, or compress it with `gzip`."
        case let .corruptGzip(path, message):
            return "\(path) is a corrupt gzip stream (zlib: \(message)): the file is damaged or cut short; "
                + "reinstall or download it again."
        case let .truncatedHeader(path, expected, got):
            return "\(path) ends inside its IDX header: expected \(expected) header bytes, got \(got); "
                + "the file is truncated, download it again."
        case let .wrongMagicNumber(path, expected, found):
            return "\(path) has IDX magic number \(Self.hex(found)), expected \(Self.hex(expected)): "
                + "it is not the right kind of IDX file (labels and images swapped?); pass the matching file."
        case let .implausibleDimensions(path, dimensions):
            return "\(path) has a damaged IDX header: its dimensions \(dimensions.map(String.init).joined(separator: "×")) "
                + "overflow any file size; download the file again."
        case let .truncatedPayload(path, expected, got):
            return "\(path) is truncated: the IDX header promises \(expected) payload bytes but the stream holds only "
                + "\(got); download the file again."
        case let .trailingBytes(path, expected, extra):
            return "\(path) holds \(extra) bytes beyond the \(expected) payload bytes its IDX header promises: "
                + "the header does not match the data; download the file again."
        case let .labelOutOfRange(path, index, label, classCount):
            return "\(path): label \(label) at index \(index) is outside 0..<\(classCount): "
                + "this is not a \(classCount)-class labels file; pass the matching labels file."
        case let .countMismatch(imagesPath, images, labelsPath, labels):
            return "\(imagesPath) holds \(images) images but \(labelsPath) holds \(labels) labels: "
                + "the files do not belong together; pass the matching pair."
        case let .unexpectedImageSize(path, expected, found):
            return "\(path) holds images of size \(found.map(String.init).joined(separator: "×")), expected "
                + "\(expected.map(String.init).joined(separator: "×")): pass the data set's own images file."
        }
    }

    /// `0x00000803`.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

import Foundation

extension DatasetError: LocalizedError {
    /// The same line as `description`, so `error.localizedDescription` prints it too.
    public var errorDescription: String? { description }
}
