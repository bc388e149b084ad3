import Foundation
import Testing
import Reporting

struct AtomicFileTests {
    /// A fresh folder under the system's temporary directory, removed by the caller.
    private func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reporting-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writeReplacesContentAndLeavesNoTemporaryFiles() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("README.md")

        try AtomicFile.write("first version, longer than the second\n", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "first version, longer than the second\n")
        try AtomicFile.write("second ✅\n", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "second ✅\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["README.md"])
    }

    @Test func emptyTextAndDocumentsAreWritten() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try AtomicFile.write("", to: empty)
        #expect(try Data(contentsOf: empty).isEmpty)

        var doc = MarkdownDocument()
        doc.heading("Claims")
        let page = folder.appendingPathComponent("README.md")
        try doc.write(to: page)
        #expect(try String(contentsOf: page, encoding: .utf8) == "# Claims\n")
    }

    @Test func writeCreatesMissingFolders() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("claim/figures/x.tsv")
        try AtomicFile.write("1\t2\n", to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "1\t2\n")
    }

    @Test func failedWriteLeavesTheDestinationAndNoTemporaryFile() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A non-empty folder where the file should go: rename(2) cannot replace it.
        let destination = folder.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: destination.appendingPathComponent("inside"),
                                                withIntermediateDirectories: true)
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("text", to: destination) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["occupied"])
    }
}
