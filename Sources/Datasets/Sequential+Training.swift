import NeuralEngine

/// What a training run recorded: the mini-batch loss of every step taken, and whether it stopped early because the
/// loss became NaN or ±∞ (diverged — evidence, not a crash).
public struct TrainingLog: Sendable, Equatable, Codable {
    /// `losses[k]` is the loss of step k+1, before its update; a diverged run ends with its first non-finite loss.
    public var losses: [Double] = []
    public var diverged = false

    public init() {}

    /// The mean loss of the last `count` steps; NaN when the run diverged.
    public func meanLoss(last count: Int) -> Double {
        guard !diverged, !losses.isEmpty else { return .nan }
        let tail = losses.suffix(count)
        return tail.reduce(0, +) / Double(tail.count)
    }
}

extension Sequential {
    /// Trains with softmax cross-entropy for `steps` steps of mini-batches of `batchSize` drawn from `data`
    /// (a fresh permutation from `rng` each epoch, the last partial batch dropped), stopping at the first non-finite
    /// loss. `observe(step, loss)` runs after each step (step counts from 1), e.g. to probe the network. The step count
    /// also goes to the `TrainingProgress.observer` bound for this task or thread, if any (a progress line).
    ///
    ///     let log = network.train(on: training, steps: 600, batchSize: 64, optimizer: sgd, using: &rng)
    @discardableResult
    public func train(on data: LabeledDataset<Scalar>, steps: Int, batchSize: Int, optimizer: some Optimizer<Scalar>,
                      using rng: inout SeededGenerator, observe: (Int, Double) -> Void = { _, _ in }) -> TrainingLog {
        precondition(batchSize <= data.count, "train: batch size \(batchSize) exceeds the \(data.count) examples")
        var log = TrainingLog()
        let progress = TrainingProgress.observer   // read once; then one call per step, which compares and returns
        progress?.trainingStarts(steps: steps)
        while log.losses.count < steps {
            for batch in data.batches(size: batchSize, dropLast: true, using: &rng) {
                let loss = trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
                log.losses.append(loss)
                guard loss.isFinite else {
                    log.diverged = true
                    return log
                }
                progress?.stepDone(log.losses.count)
                observe(log.losses.count, loss)
                if log.losses.count == steps { return log }
            }
        }
        return log
    }

    /// The fraction of `data` whose highest score is the label (evaluation phase).
    public func accuracy(on data: LabeledDataset<Scalar>) -> Double {
        NeuralEngine.accuracy(predict(data.features), labels: data.labels)
    }
}
