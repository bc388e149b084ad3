/// One IDX file (LeCun et al.'s MNIST format, also Fashion-MNIST's), gzip-compressed, of unsigned bytes.
///
/// Layout: a 4-byte magic number `0x0000 TT NN` (TT = 0x08 for unsigned bytes, NN = the number of dimensions), NN
/// big-endian UInt32 dimension sizes, then the payload: ∏ dimensions bytes in row-major order. Labels files are idx1
/// (magic 0x00000801, dimensions [N]); images files are idx3 (0x00000803, dimensions [N, rows, columns]).
///
///     let labels = try IDXFile.read("/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz", kind: .labels)
///     labels.dimensions    // [60000]
///     labels.bytes[0]      // 9
public struct IDXFile: Equatable, Sendable {
    /// The two kinds of IDX file the project reads.
    public enum Kind: Equatable, Sendable {
        /// idx1: one byte per item, magic 0x00000801.
        case labels
        /// idx3: rows × columns bytes per item, magic 0x00000803.
        case images

        /// The number of dimensions in the header (the low byte of the magic number).
        public var dimensionCount: Int { self == .labels ? 1 : 3 }
        /// The magic number: data type 0x08 (unsigned byte) in the third byte, `dimensionCount` in the fourth.
        public var magicNumber: UInt32 { 0x0000_0800 | UInt32(dimensionCount) }
    }

    /// The kind of file, as checked against its magic number.
    public let kind: Kind
    /// The dimensions from the header, e.g. `[60000, 28, 28]` (the full file's, even when only a prefix was read).
    public let dimensions: [Int]
    /// The items read: `itemCount × itemSize` bytes, row-major.
    public let bytes: [UInt8]

    /// Bytes per item: the product of all dimensions but the first (1 for labels, 784 for 28×28 images).
    public var itemSize: Int { dimensions.dropFirst().reduce(1, *) }
    /// The number of items read (the header's count, or the requested prefix).
    public var itemCount: Int { itemSize == 0 ? 0 : bytes.count / itemSize }

    /// Reads the gzip IDX file at `path`, streaming it through zlib.
    ///
    /// With `limit == nil` the whole payload is read and its length must equal the header's product of dimensions
    /// exactly (a shorter stream throws `truncatedPayload`, a longer one `trailingBytes`). With a limit, only the first
    /// `min(limit, N)` items are inflated and the rest of the file is never decompressed (that is what makes a prefix
    /// cheap), so its length is not checked.
    public static func read(_ path: String, kind: Kind, limit: Int? = nil) throws(DatasetError) -> IDXFile {
        precondition(limit.map { $0 >= 0 } ?? true, "IDXFile.read: limit must be non-negative, got \(limit!)")
        let reader = try GzipReader(path: path)

        let headerSize = 4 + 4 * kind.dimensionCount
        let header = try reader.readBytes(headerSize)
        guard header.count >= 4 else {
            throw .truncatedHeader(path: path, expectedBytes: headerSize, gotBytes: header.count)
        }
        let magic = bigEndianUInt32(header, at: 0)
        guard magic == kind.magicNumber else {
            throw .wrongMagicNumber(path: path, expected: kind.magicNumber, found: magic)
        }
        guard header.count == headerSize else {
            throw .truncatedHeader(path: path, expectedBytes: headerSize, gotBytes: header.count)
        }
        let dimensions = (0..<kind.dimensionCount).map { Int(bigEndianUInt32(header, at: 4 + 4 * $0)) }
        // Each dimension is below 2³²; their product can still overflow Int (a damaged header), so check it.
        var total = 1
        for size in dimensions {
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow else { throw .implausibleDimensions(path: path, dimensions: dimensions) }
            total = product
        }
        let itemSize = dimensions.dropFirst().reduce(1, *)

        let wanted = limit.map { min($0, dimensions[0]) * itemSize } ?? total
        let bytes = try reader.readBytes(wanted)
        guard bytes.count == wanted else {
            throw .truncatedPayload(path: path, expectedBytes: wanted, gotBytes: bytes.count)
        }
        if limit == nil {
            let extra = try reader.drain()
            guard extra == 0 else { throw .trailingBytes(path: path, expectedBytes: total, extraBytes: extra) }
        }
        return IDXFile(kind: kind, dimensions: dimensions, bytes: bytes)
    }

    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
