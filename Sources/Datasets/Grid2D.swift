import NeuralEngine

/// A regular grid over a rectangle of the plane, for drawing a classifier's decision regions (evaluate the network on
/// `points`, then plot the scores as a heatmap over `xs` × `ys`).
///
///     let grid = Grid2D(covering: spiral.features, margin: 0.2, steps: 100)
///     let scores = network(grid.points(Float.self))      // (100·100)×K, row j·100 + i ↔ (xs[i], ys[j])
public struct Grid2D: Equatable, Sendable {
    /// The x coordinates, ascending: `xSteps` values evenly spaced over the x range, both ends included.
    public let xs: [Double]
    /// The y coordinates, ascending.
    public let ys: [Double]

    /// A grid of `xSteps × ySteps` points over x ∈ `x`, y ∈ `y` (each axis `linspace(lower, upper, steps)`).
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, xSteps: Int, ySteps: Int) {
        precondition(xSteps >= 1 && ySteps >= 1, "Grid2D: steps must be at least 1, got \(xSteps)×\(ySteps)")
        xs = Synthetic.linspace(x.lowerBound, x.upperBound, xSteps)
        ys = Synthetic.linspace(y.lowerBound, y.upperBound, ySteps)
    }

    /// A square grid of `steps × steps` points.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, steps: Int) {
        self.init(x: x, y: y, xSteps: steps, ySteps: steps)
    }

    /// A grid over the bounding box of the N×2 `data`, widened by `margin` on every side.
    public init<Scalar: EngineScalar>(covering data: Tensor<Scalar>, margin: Double, steps: Int) {
        precondition(data.columns == 2 && data.rows > 0, "Grid2D: data must be N×2 with N > 0, got \(data.shape)")
        let x = data.column(0).map(Double.init), y = data.column(1).map(Double.init)
        self.init(x: x.min()! - margin ... x.max()! + margin, y: y.min()! - margin ... y.max()! + margin, steps: steps)
    }

    /// The (xs.count · ys.count)×2 tensor of grid points, x varying fastest: row j·xs.count + i is (xs[i], ys[j]).
    public func points<Scalar: EngineScalar>(_ scalar: Scalar.Type = Scalar.self) -> Tensor<Scalar> {
        Tensor(rows: xs.count * ys.count, columns: 2,
               scalars: ys.flatMap { y in xs.flatMap { x in [Scalar(x), Scalar(y)] } })
    }
}
