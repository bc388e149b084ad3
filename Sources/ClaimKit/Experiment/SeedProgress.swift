/// What the seed being measured is doing, for the progress line on stderr (never a report). An experiment whose
/// `measure` runs several configurations (arms × learning rates, …) announces each as it starts:
///
///     for (j, rate) in settings.rates.enumerated() {
///         SeedProgress.configuration(j + 1, of: settings.rates.count, "Adam η \(rate)")
///         …
///     }
///     SeedProgress.configuration(of: 6, "\(activation) SGD")   // the next one: one after the last announced
///
/// On a terminal the line shows the configuration and the training steps (`Sequential.train` reports them itself); a
/// log gets one line per configuration. Outside a run (a unit test calling `measure`) it does nothing, and the label is
/// not even formed. Numbering is per seed, so seeds measured in parallel count their own configurations.
public enum SeedProgress {
    /// The seed being measured on this task or thread (bound by the lifecycle around `measure`).
    @TaskLocal static var activity: SeedActivity?

    /// Configuration `index` (counted from 1) of `count` starts; `steps`: its training steps in all, when they come in
    /// several training loops (one loop's own count is shown without it).
    public static func configuration(_ index: Int, of count: Int, _ label: @autoclosure () -> String, steps: Int? = nil) {
        guard let activity else { return }
        activity.configuration(index, of: count, label(), steps: steps)
    }

    /// The next configuration (one after the last this seed announced, the first if none) of `count` starts.
    public static func configuration(of count: Int, _ label: @autoclosure () -> String, steps: Int? = nil) {
        guard let activity else { return }
        activity.configuration(nil, of: count, label(), steps: steps)
    }
}
