/// Line handling shared by the renderer and the blocks.
extension String {
    /// The string with every line break (`\r\n`, `\n`, `\r`) replaced by `separator`.
    func replacingNewlines(with separator: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: separator)
    }

    /// The string's lines, splitting on `\r\n`, `\n` and `\r`.
    var lines: [String] {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// The string without trailing spaces and tabs.
    var trimmingTrailingWhitespace: String {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return String(self[..<end])
    }
}
