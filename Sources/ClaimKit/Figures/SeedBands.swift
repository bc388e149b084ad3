import Gnuplot

/// One colour per arm across the whole suite: "with batch norm" is the same blue in every figure, "without" the
/// same vermillion, a control the same black. A slot of the house style's Okabe–Ito palette.
public struct Arm: Sendable, Equatable {
    public let slot: Int

    public static let batchNorm = Arm(slot: 0)
    public static let withoutNormalization = Arm(slot: 3)
    public static let layerNorm = Arm(slot: 2)
    public static let sigmoid = Arm(slot: 1)
    public static let tanh = Arm(slot: 4)
    public static let relu = Arm(slot: 2)
    public static let xavier = Arm(slot: 1)
    public static let he = Arm(slot: 0)
    public static let leakyReLU = Arm(slot: 5)
    public static let elu = Arm(slot: 0)
    public static let prelu = Arm(slot: 3)
    public static let maxout = Arm(slot: 4)
    /// Optimizers: plain SGD, heavy-ball momentum, Adam.
    public static let sgd = Arm(slot: 3)
    public static let momentum = Arm(slot: 1)
    public static let adam = Arm(slot: 0)
    /// Input preprocessing: raw pixels, mean-centred, per-pixel standardised, PCA-reduced, whitened.
    public static let raw = Arm(slot: 3)
    public static let centred = Arm(slot: 0)
    public static let standardised = Arm(slot: 2)
    public static let pca = Arm(slot: 1)
    public static let whitened = Arm(slot: 5)
    /// The negative or positive control (a mutation of the mechanism).
    public static let control = Arm(slot: 6)
    /// Further arms of one figure, e.g. one per depth or initial scale.
    public static func other(_ index: Int) -> Arm { Arm(slot: [5, 4, 2, 1, 0, 3][index % 6]) }
}

extension Figure {
    /// The mean over seeds as a line (with points when `points`) and, with more than one seed, the min–max band
    /// around it, both in `arm`'s colour. `perSeed[s][k]` is seed s's value at `x[k]`; NaN values (a diverged seed)
    /// are left out of the mean and band at that x.
    public mutating func addSeedBand(x: [Double], perSeed: [[Double]], label: String?, arm: Arm, points: Bool = false) {
        precondition(perSeed.allSatisfy { $0.count == x.count }, "addSeedBand: every seed needs \(x.count) values")
        let columns = x.indices.map { k in perSeed.map { $0[k] }.filter { !$0.isNaN } }
        let kept = x.indices.filter { !columns[$0].isEmpty }
        let xs = kept.map { x[$0] }
        if perSeed.count > 1 {
            add(.band(x: xs, lower: kept.map { columns[$0].min()! }, upper: kept.map { columns[$0].max()! }, label: nil)
                .paletteSlot(arm.slot))
        }
        let mean = kept.map { columns[$0].reduce(0, +) / Double(columns[$0].count) }
        add((points ? Series.linePoints(x: xs, y: mean, label: label) : .line(x: xs, y: mean, label: label))
            .paletteSlot(arm.slot))
    }
}
