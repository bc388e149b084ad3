import Foundation
import NeuralEngine

/// What an experiment is doing and how far it is, on stderr only (nothing of it reaches a report).
///
/// On a terminal, one line that rewrites itself. While seeds are measured it shows every seed in progress with its
/// configuration (announced by the experiment through `SeedProgress`) and its training step (reported by the training
/// loop through `TrainingProgress`), redrawn for a step at most every `refresh` seconds; one seed in full, several
/// (seeds in parallel) each in short:
///
///     dead-relu: seed 3 (2 of 5 done): configuration 4 of 9 (ReLU() Adam η 0.01), step 1200 of 3000
///     dead-relu: 2 of 5 done | seed 3: 4/9 (ReLU() Adam η 0.01), step 1200/3000 | seed 4: 1/9 (…), step 80/3000
///
/// The line is fitted to the terminal's width (a wrapped line could not be rewritten) by shortening the labels, then
/// leaving them out, then cutting it. Otherwise (a log) one line per stage and per configuration started, never per
/// step. Safe to call from the seed threads.
final class Progress: @unchecked Sendable {
    private let id: String
    /// Whether the line rewrites itself (a terminal) rather than one line per stage (a log).
    let rewrites: Bool
    private let columns: Int?
    private let refresh: UInt64
    private let sink: @Sendable (String) -> Void
    private let lock = NSLock()
    private var finishedSeeds = 0, seedCount = 0
    /// The seeds being measured, in the order they started.
    private var running: [SeedStatus] = []
    private var lastDrawn: UInt64 = 0

    /// `terminal`: rewrite one line (default: whether stderr is a terminal); `sink` receives the text (stderr);
    /// `columns`: the terminal's width (default: asked at each redraw); `refresh`: the least time between two redraws
    /// for a step, in seconds.
    init(id: String, terminal: Bool = isatty(FileHandle.standardError.fileDescriptor) != 0, columns: Int? = nil,
         refresh: Double = 0.1,
         sink: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.id = id
        rewrites = terminal
        self.columns = columns
        self.refresh = UInt64(max(0, refresh) * 1e9)
        self.sink = sink
    }

    /// A new stage, e.g. "loading data", "judging", "figure 2 of 3: loss-against-step".
    func stage(_ text: String) {
        lock.withLock { show(text) }
    }

    /// Measures seed `seed` (one of `count`) by running `body` with the seed's `SeedActivity` bound, so that what it
    /// announces (`SeedProgress`) and, on a terminal, the steps it trains (`TrainingProgress`) are shown; then counts
    /// the seed as finished.
    func measuring<R>(_ seed: Int, of count: Int, _ body: () -> R) -> R {
        let activity = SeedActivity(seed: seed, progress: self)
        lock.withLock {
            seedCount = count
            running.append(SeedStatus(seed: seed))
            if rewrites { draw() }
        }
        defer {
            lock.withLock {
                running.removeAll { $0.seed == seed }
                finishedSeeds += 1
                let finished = "seed \(seed) measured (\(finishedSeeds) of \(count))"
                if rewrites && !running.isEmpty { draw() } else { show(finished) }
            }
        }
        // Steps only on a terminal: a log gets no step lines, so the training loop needs no observer there.
        return SeedProgress.$activity.withValue(activity) {
            rewrites ? TrainingProgress.$observer.withValue(activity, operation: body) : body()
        }
    }

    /// Seed `seed` starts configuration `index` of `count`.
    func configuration(seed: Int, _ index: Int, of count: Int, _ label: String) {
        lock.withLock {
            update(seed) { $0.configuration = (index, count, label); $0.step = nil }
            if rewrites { draw() } else { write("seed \(seed): configuration \(index) of \(count) (\(label))\n") }
        }
    }

    /// Seed `seed` is at training step `step` (of `count`, when known); drawn when `refresh` has passed.
    func step(seed: Int, _ step: Int, of count: Int?) {
        guard rewrites else { return }
        lock.withLock {
            update(seed) { $0.step = (step, count) }
            if DispatchTime.now().uptimeNanoseconds - lastDrawn >= refresh { draw() }
        }
    }

    /// Ends the rewriting line, so that the next output starts on its own line.
    func finish() {
        if rewrites { lock.withLock { sink("\r\u{1B}[K") } }
    }

    // MARK: drawing (under the lock)

    private func update(_ seed: Int, _ change: (inout SeedStatus) -> Void) {
        if let k = running.firstIndex(where: { $0.seed == seed }) { change(&running[k]) }
    }

    private func show(_ text: String) {
        if rewrites { write(text) } else { write(text + "\n") }
    }

    /// The seeds in progress: one in full, several each in short; the configurations' labels shortened as much as
    /// needed (equally) for the line to fit the width, so that the numbers stay in sight.
    private func draw() {
        func line(labels limit: Int?) -> String {
            if running.count == 1, let only = running.first {
                return "seed \(only.seed) (\(finishedSeeds) of \(seedCount) done): \(only.text(short: false, label: limit))"
            }
            return (["\(finishedSeeds) of \(seedCount) done"]
                    + running.map { "seed \($0.seed): \($0.text(short: true, label: limit))" }).joined(separator: " | ")
        }
        let width = (columns ?? Self.terminalColumns()) - 1 - id.count - 2
        var text = line(labels: nil)
        var limit = running.compactMap { $0.configuration?.label.count }.max() ?? 0
        while text.count > width && limit > 0 {   // down to one character ("…"), then none
            limit = limit > 2 ? limit - 1 : 0
            text = line(labels: limit)
        }
        write(text)
    }

    /// `text` after the id: a line of its own in a log; on a terminal, the rewritten line, cut to the width.
    private func write(_ text: String) {
        let line = "\(id): \(text)"
        guard rewrites else { return sink(line) }
        lastDrawn = DispatchTime.now().uptimeNanoseconds
        let width = (columns ?? Self.terminalColumns()) - 1   // the last column would wrap on some terminals
        let fitted = line.count <= width ? line : String(line.prefix(max(0, width - 1))) + "…"
        sink("\r\u{1B}[K" + fitted)
    }

    /// The width of the terminal on stderr: asked of the terminal, else $COLUMNS, else 80.
    static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    }
}

/// What one seed in progress is doing, as drawn.
struct SeedStatus {
    let seed: Int
    var configuration: (index: Int, count: Int, label: String)?
    var step: (done: Int, count: Int?)?

    /// "configuration 4 of 9 (Adam η 0.01), step 1200 of 3000", or short "4/9 (Adam η 0.01), step 1200/3000"; the
    /// label cut to `label` characters (none at 0).
    func text(short: Bool, label limit: Int? = nil) -> String {
        let of = short ? "/" : " of "
        var parts: [String] = []
        if let c = configuration {
            let label = limit.map { c.label.count > $0 ? String(c.label.prefix(max(0, $0 - 1))) + "…" : c.label } ?? c.label
            parts.append((short ? "" : "configuration ") + "\(c.index)\(of)\(c.count)" + (limit == 0 ? "" : " (\(label))"))
        }
        if let s = step { parts.append("step \(s.done)" + (s.count.map { "\(of)\($0)" } ?? "")) }
        return parts.isEmpty ? "measuring" : parts.joined(separator: ", ")
    }
}

/// The progress reports of one seed being measured: the configurations it announces and, on a terminal, the steps its
/// training loops take. Only the seed's own thread calls it, so its counters need no lock; a step reaches `Progress`
/// (and its lock) only every 1% of a loop's steps.
final class SeedActivity: TrainingObserver, @unchecked Sendable {
    let seed: Int
    private let progress: Progress
    /// The last configuration announced (0: none yet).
    private var configuration = 0
    /// The configuration's steps in all, when announced; otherwise a count is shown only while it has run one loop.
    private var announcedSteps: Int?
    /// Steps of the configuration's earlier loops, and the current loop's: its length, steps done, the next to report.
    private var earlierSteps = 0, loops = 0, loopSteps = 0, done = 0, due = 1, stride = 1

    init(seed: Int, progress: Progress) {
        self.seed = seed
        self.progress = progress
    }

    /// Configuration `index` (default: the one after the last) of `count` starts.
    func configuration(_ index: Int?, of count: Int, _ label: String, steps: Int?) {
        configuration = index ?? configuration + 1
        (announcedSteps, earlierSteps, loops, done) = (steps, 0, 0, 0)
        progress.configuration(seed: seed, configuration, of: count, label)
    }

    func trainingStarts(steps: Int) {
        earlierSteps += done
        stride = max(1, steps / 100)   // a report every 1% of the loop's steps
        (loops, loopSteps, done, due) = (loops + 1, steps, 0, stride)
    }

    func stepDone(_ step: Int) {
        done = step
        guard step >= due else { return }
        due = step + stride
        progress.step(seed: seed, earlierSteps + step, of: announcedSteps ?? (loops == 1 ? loopSteps : nil))
    }
}
