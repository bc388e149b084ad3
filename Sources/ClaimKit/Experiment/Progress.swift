import Foundation

/// What an experiment is doing and how far it is, on stderr only (nothing of it reaches a report): on a terminal one
/// line that rewrites itself ("<id>: seeds 3 of 5 done"), otherwise one line per stage, so a log shows each step.
/// Safe to call from the seed threads.
final class Progress: @unchecked Sendable {
    private let id: String
    private let rewrites: Bool
    private let sink: @Sendable (String) -> Void
    private let lock = NSLock()
    private var finishedSeeds = 0

    /// `terminal`: rewrite one line (default: whether stderr is a terminal); `sink` receives the text (stderr).
    init(id: String, terminal: Bool = isatty(FileHandle.standardError.fileDescriptor) != 0,
         sink: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.id = id
        rewrites = terminal
        self.sink = sink
    }

    /// A new stage, e.g. "loading data", "judging", "figure 2 of 3: loss-against-step".
    func stage(_ text: String) {
        lock.withLock {
            let line = "\(id): \(text)"
            sink(rewrites ? "\r\u{1B}[K" + line : line + "\n")
        }
    }

    /// One more of `count` seeds measured (`seed`: the one just finished).
    func seedFinished(_ seed: Int, of count: Int) {
        let done = lock.withLock { finishedSeeds += 1; return finishedSeeds }
        stage("seed \(seed) measured (\(done) of \(count))")
    }

    /// Ends the rewriting line, so that the next output starts on its own line.
    func finish() {
        if rewrites { lock.withLock { sink("\r\u{1B}[K") } }
    }
}
