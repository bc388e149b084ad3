import Foundation

/// Makes cairo's PDFs byte-identical on rerun.
///
/// cairo 1.16 (Debian 11/12) stamps `/CreationDate (D:20240102030405Z)` into every PDF and ignores
/// `SOURCE_DATE_EPOCH` (honoured from cairo 1.17.2 on). The stamp is the only varying byte, so its digits are
/// overwritten in place with the epoch, `D:19700101000000…`: the same number of bytes, so the
/// cross-reference table's byte offsets stay valid.
enum PDFDates {
    /// `pdf` with the digits of every `/CreationDate` and `/ModDate` set to 1970-01-01 00:00:00.
    static func neutralised(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var start = 0
            while let found = firstIndex(of: pattern, in: bytes, from: start) {
                var index = found + pattern.count
                var position = 0
                let epoch = Array("19700101000000".utf8)
                while index < bytes.count, bytes[index] != UInt8(ascii: ")") {
                    if bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") {
                        bytes[index] = position < epoch.count ? epoch[position] : UInt8(ascii: "0")
                        position += 1
                    }
                    index += 1
                }
                start = index
            }
        }
        return Data(bytes)
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
