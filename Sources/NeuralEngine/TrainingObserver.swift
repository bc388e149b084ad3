/// Whoever wants to know how far a training loop is (e.g. a progress line), without the loop knowing who: the engine
/// and Datasets know nothing of progress lines or claims. Bind one for the current task or thread,
///
///     TrainingProgress.$observer.withValue(observer) { network.train(on: data, steps: 3000, …) }
///
/// and every training loop run inside reports to it (`Sequential.train` does). The binding is task-local: the
/// synchronous `withValue` works in synchronous code and on `DispatchQueue.concurrentPerform` threads, each thread
/// seeing only its own binding, so seeds measured in parallel each report to their own observer.
public protocol TrainingObserver: AnyObject, Sendable {
    /// A training loop of `steps` steps starts (the loop read the observer once, just before).
    func trainingStarts(steps: Int)
    /// Step `step` (counted from 1) of the current loop is done. Called every step: keep it to a comparison unless
    /// something is due.
    func stepDone(_ step: Int)
}

public enum TrainingProgress {
    /// The observer of the training loops run in this task or thread; nil (no reports) unless bound.
    @TaskLocal public static var observer: (any TrainingObserver)?
}
