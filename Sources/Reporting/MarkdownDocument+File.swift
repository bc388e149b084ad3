import Foundation

extension MarkdownDocument {
    /// Writes the rendered document to `url` atomically; see ``AtomicFile``.
    public func write(to url: URL) throws {
        try AtomicFile.write(rendered(), to: url)
    }
}
