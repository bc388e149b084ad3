import Foundation
import Testing
@testable import Datasets

@Suite("IDX reader")
struct IDXFileTests {
    @Test("labels files read back byte for byte", arguments: [0, 1, 7, 300])
    func labelsRoundTrip(count: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let payload = randomBytes(count, seed: UInt64(count))
        let path = try writeGzip(idxBytes(magic: 0x0000_0801, dimensions: [count], payload: payload),
                                 to: folder.file("labels"))
        let file = try IDXFile.read(path, kind: .labels)
        #expect(file.dimensions == [count])
        #expect(file.itemCount == count)
        #expect(file.bytes == payload)
    }

    @Test("images files read back byte for byte", arguments: [(0, 28, 28), (1, 2, 3), (5, 28, 28), (3, 1, 1)])
    func imagesRoundTrip(shape: (Int, Int, Int)) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (n, rows, columns) = shape
        let payload = randomBytes(n * rows * columns, seed: 42)
        let path = try writeGzip(idxBytes(magic: 0x0000_0803, dimensions: [n, rows, columns], payload: payload),
                                 to: folder.file("images"))
        let file = try IDXFile.read(path, kind: .images)
        #expect(file.dimensions == [n, rows, columns])
        #expect(file.itemSize == rows * columns)
        #expect(file.itemCount == n)
        #expect(file.bytes == payload)
    }

    @Test("a limit reads only the leading items", arguments: [0, 3, 10, 25])
    func prefixLimit(limit: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let payload = randomBytes(10 * 6, seed: 7)
        let path = try writeGzip(idxBytes(magic: 0x0000_0803, dimensions: [10, 2, 3], payload: payload),
                                 to: folder.file("images"))
        let file = try IDXFile.read(path, kind: .images, limit: limit)
        #expect(file.dimensions == [10, 2, 3], "the header's dimensions are kept")
        #expect(file.itemCount == min(limit, 10))
        #expect(file.bytes == Array(payload.prefix(min(limit, 10) * 6)))
    }

    @Test("a payload shorter than the header throws truncatedPayload with both byte counts")
    func truncatedPayload() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try writeGzip(idxBytes(magic: 0x0000_0803, dimensions: [4, 2, 2], payload: randomBytes(15, seed: 1)),
                                 to: folder.file("images"))
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error == .truncatedPayload(path: path, expectedBytes: 16, gotBytes: 15))
        let message = try #require(error).description
        #expect(message.contains("truncated") && message.contains("16") && message.contains("15"))
        #expect(message.contains("download the file again"))
    }

    /// A damaged header must not make the reader allocate what it claims: 4,000,000,000 images of 255×255 bytes
    /// (2.6·10¹⁴ bytes) end as a truncated read, and dimensions whose product overflows Int are refused outright.
    @Test("a header claiming absurd sizes throws instead of allocating them")
    func absurdHeader() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let huge = try writeGzip(idxBytes(magic: 0x0000_0803, dimensions: [4_000_000_000, 255, 255],
                                          payload: randomBytes(100, seed: 1)), to: folder.file("huge"))
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(huge, kind: .images) }
        #expect(error == .truncatedPayload(path: huge, expectedBytes: 4_000_000_000 * 255 * 255, gotBytes: 100))

        let overflowing = try writeGzip(idxBytes(magic: 0x0000_0803, dimensions: [4_000_000_000, 4_000_000_000, 4],
                                                 payload: []), to: folder.file("overflowing"))
        let overflow = #expect(throws: DatasetError.self) { try IDXFile.read(overflowing, kind: .images) }
        #expect(overflow == .implausibleDimensions(path: overflowing, dimensions: [4_000_000_000, 4_000_000_000, 4]))
    }

    @Test("a payload longer than the header throws trailingBytes")
    func trailingBytes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try writeGzip(idxBytes(magic: 0x0000_0801, dimensions: [4], payload: randomBytes(6, seed: 1)),
                                 to: folder.file("labels"))
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error == .trailingBytes(path: path, expectedBytes: 4, extraBytes: 2))
    }

    @Test("a header cut short throws truncatedHeader")
    func truncatedHeader() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let bytes = Array(idxBytes(magic: 0x0000_0803, dimensions: [4, 2, 2], payload: []).prefix(9))
        let path = try writeGzip(bytes, to: folder.file("images"))
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error == .truncatedHeader(path: path, expectedBytes: 16, gotBytes: 9))
    }

    @Test("a labels file read as images throws wrongMagicNumber, both numbers in hex")
    func wrongMagic() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try writeGzip(idxBytes(magic: 0x0000_0801, dimensions: [3], payload: [1, 2, 3]),
                                 to: folder.file("labels"))
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error == .wrongMagicNumber(path: path, expected: 0x0000_0803, found: 0x0000_0801))
        let message = try #require(error).description
        #expect(message.contains("0x00000801") && message.contains("0x00000803") && message.contains("matching file"))
    }

    @Test("an uncompressed or empty file throws notGzip")
    func notGzip() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let raw = folder.file("raw-idx")
        try Data(idxBytes(magic: 0x0000_0801, dimensions: [3], payload: [1, 2, 3])).write(to: URL(fileURLWithPath: raw))
        let empty = folder.file("empty.gz")
        try Data().write(to: URL(fileURLWithPath: empty))
        for path in [raw, empty] {
            let error = #expect(throws: DatasetError.self) { try IDXFile.read(path, kind: .labels) }
            #expect(error == .notGzip(path: path))
            #expect(try #require(error).description.contains("gzip"))
        }
    }

    /// Three ways to damage a gzip file, each of which zlib must detect: the file cut in half (the stream ends early),
    /// bytes of the deflate body overwritten (invalid codes or a CRC mismatch), and the CRC-32 trailer flipped.
    @Test("a damaged gzip stream throws corruptGzip", arguments: ["cut in half", "body overwritten", "crc flipped"])
    func corruptGzip(damage: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try writeGzip(idxBytes(magic: 0x0000_0803, dimensions: [20, 28, 28],
                                          payload: randomBytes(20 * 784, seed: 3, below: 16)),
                                 to: folder.file("images"))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "cut in half": bytes.removeLast(bytes.count / 2)
        case "body overwritten": for i in 20..<60 { bytes[i] = 0xFF }
        default: bytes[bytes.count - 8] ^= 0xFF   // the trailer is CRC-32 then ISIZE, 4 bytes each
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(path, kind: .images) }
        guard case .corruptGzip(let failingPath, _) = try #require(error) else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(failingPath == path)
        #expect(try #require(error).description.contains("corrupt gzip"))
        #expect(try #require(error).description.contains("download it again"))
    }

    @Test("a missing file throws fileNotFound naming the package and the environment variable")
    func missingFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("absent.gz")
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error == .fileNotFound(path: path))
        let message = try #require(error).description
        #expect(message.contains("apt-get install dataset-fashion-mnist") && message.contains("FASHION_MNIST_DIR"))
    }

    @Test("a directory passed as a file throws unreadable")
    func directoryAsFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let error = #expect(throws: DatasetError.self) { try IDXFile.read(folder.path, kind: .labels) }
        #expect(error == .unreadable(path: folder.path, reason: "it is a directory"))
    }

    @Test("every error message is one line that ends with a full stop")
    func messagesAreOneLine() {
        let errors: [DatasetError] = [
            .directoryNotFound(path: "/d", source: "the default"), .fileNotFound(path: "/f"),
            .unreadable(path: "/f", reason: "Permission denied"), .notGzip(path: "/f"),
            .corruptGzip(path: "/f", zlibMessage: "incorrect data check"),
            .truncatedHeader(path: "/f", expectedBytes: 16, gotBytes: 3), .wrongMagicNumber(path: "/f", expected: 0x803, found: 0x801),
            .implausibleDimensions(path: "/f", dimensions: [1 << 31, 1 << 31, 4]),
            .truncatedPayload(path: "/f", expectedBytes: 10, gotBytes: 9), .trailingBytes(path: "/f", expectedBytes: 10, extraBytes: 1),
            .labelOutOfRange(path: "/f", index: 3, label: 12, classCount: 10),
            .countMismatch(imagesPath: "/i", images: 3, labelsPath: "/l", labels: 4),
            .unexpectedImageSize(path: "/i", expected: [28, 28], found: [32, 32]),
        ]
        for error in errors {
            #expect(!error.description.contains("\n") && error.description.hasSuffix("."), "\(error)")
            #expect(error.localizedDescription == error.description)
        }
    }
}
