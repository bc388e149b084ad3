import Testing
import NeuralEngine

/// Elementwise arithmetic, broadcasting, reductions and reshaping of `Tensor` against loops over the scalars.
///
/// Operands are small integers and halves, so every sum and product here is exact in Float and Double and the
/// comparison can be equality.
struct TensorTests {
    /// A tensor shape in a sweep.
    struct Shape: Sendable, CustomTestStringConvertible {
        let rows: Int, columns: Int
        var testDescription: String { "\(rows)×\(columns)" }
    }

    /// Shapes including a single entry, a single row, a single column and the empty tensors.
    static let shapes: [Shape] = [
        .init(rows: 1, columns: 1), .init(rows: 1, columns: 6), .init(rows: 5, columns: 1), .init(rows: 3, columns: 4),
        .init(rows: 7, columns: 5), .init(rows: 0, columns: 3), .init(rows: 2, columns: 0),
    ]

    /// Entries in {−4, −3.5, …, 4}: exact in Float and Double, as are their sums and products here.
    func halves(_ rows: Int, _ columns: Int, seed: UInt64) -> Tensor<Float> {
        var rng = SeededGenerator(seed: seed)
        return Tensor(rows: rows, columns: columns,
                      scalars: (0..<rows * columns).map { _ in Float(Int(rng.next() % 17) - 8) / 2 })
    }

    @Test(arguments: shapes)
    func elementwiseOperationsMatchLoops(shape: Shape) {
        let (rows, columns) = (shape.rows, shape.columns)
        let a = halves(rows, columns, seed: 1), b = halves(rows, columns, seed: 2)
        #expect((a + b).scalars == zip(a.scalars, b.scalars).map { $0 + $1 })
        #expect((a - b).scalars == zip(a.scalars, b.scalars).map { $0 - $1 })
        #expect((a * b).scalars == zip(a.scalars, b.scalars).map { $0 * $1 })
        #expect((Float(2.5) * a).scalars == a.scalars.map { 2.5 * $0 })
        #expect(a.map { $0 * $0 + 1 }.scalars == a.scalars.map { $0 * $0 + 1 })
        var c = a
        c.add(b, scaledBy: -0.5)
        #expect(c.scalars == zip(a.scalars, b.scalars).map { $0 - 0.5 * $1 })
        var d = a
        d.add(b)   // default scale 1
        #expect(d == a + b)
        for t in [a + b, a - b, a * b, c] { #expect(t.rows == rows && t.columns == columns) }
    }

    @Test(arguments: shapes)
    func reductionsMatchLoops(shape: Shape) {
        let (rows, columns) = (shape.rows, shape.columns)
        let a = halves(rows, columns, seed: 3)
        var columnSums = [Float](repeating: 0, count: columns), rowSums = [Float](repeating: 0, count: rows)
        var total = 0.0, squares = 0.0, largest = 0.0
        for r in 0..<rows {
            for c in 0..<columns {
                let x = a.scalars[r * columns + c]
                columnSums[c] += x
                rowSums[r] += x
                total += Double(x)
                squares += Double(x) * Double(x)
                largest = max(largest, abs(Double(x)))
            }
        }
        #expect(a.columnSums() == Tensor(rows: 1, columns: columns, scalars: columnSums))
        #expect(a.rowSums() == Tensor(rows: rows, columns: 1, scalars: rowSums))
        #expect(a.sum() == total)
        #expect(a.squaredSum() == squares)
        #expect(a.norm() == squares.squareRoot())
        #expect(a.maxAbsolute() == largest)
        if rows > 0 {
            // The engine multiplies the exact sum by 1/N rounded to Float: two roundings, so a relative error of at
            // most 2u = ulpOfOne. The oracle divides in Double.
            let means = a.columnMeans()
            for c in 0..<columns {
                let expected = Double(columnSums[c]) / Double(rows)
                #expect(abs(Double(means.scalars[c]) - expected) <= Double(Float.ulpOfOne) * abs(expected))
            }
        }
        if a.count > 0 { #expect(a.mean() == total / Double(a.count)) }
    }

    @Test(arguments: shapes)
    func rowVectorIsAddedToEveryRow(shape: Shape) {
        let (rows, columns) = (shape.rows, shape.columns)
        let a = halves(rows, columns, seed: 4), v = halves(1, columns, seed: 5)
        var expected = a.scalars
        for r in 0..<rows { for c in 0..<columns { expected[r * columns + c] += v.scalars[c] } }
        #expect(a.addingRowVector(v).scalars == expected)
        var inPlace = a
        inPlace.addRowVectorInPlace(v)
        #expect(inPlace.scalars == expected)
    }

    @Test(arguments: shapes)
    func transposedSwapsIndices(shape: Shape) {
        let (rows, columns) = (shape.rows, shape.columns)
        let a = halves(rows, columns, seed: 6)
        let t = a.transposed()
        #expect(t.rows == columns && t.columns == rows)
        for r in 0..<rows { for c in 0..<columns { #expect(t.scalars[c * rows + r] == a.scalars[r * columns + c]) } }
        #expect(t.transposed() == a)
    }

    @Test func rowsColumnsGatherAndReshape() {
        // [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]: entry (r, c) = 3r + c.
        let a = Tensor<Double>(rows: 4, columns: 3, scalars: (0..<12).map(Double.init))
        #expect(a[2, 1] == 7)
        #expect(a.row(1) == [3, 4, 5])
        #expect(a.column(2) == [2, 5, 8, 11])
        #expect(a.gatheringRows([3, 0, 3]) == Tensor([[9, 10, 11], [0, 1, 2], [9, 10, 11]]))
        #expect(a.gatheringRows([]).rows == 0)
        #expect(a.reshaped(rows: 2, columns: 6) == Tensor([[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]))
        #expect(Tensor(row: [1.0, 2.0]) == Tensor([[1, 2]]))
        #expect(a.converted(to: Float.self).scalars == (0..<12).map(Float.init))
        #expect(a.isFinite)
        #expect(!Tensor<Double>([[1, .nan]]).isFinite && !Tensor<Double>([[.infinity]]).isFinite)
    }

    @Test func descriptionShowsTypeShapeAndEntries() {
        #expect(Tensor<Float>([[1, 2, 3], [4, 5, 6]]).description == "Tensor<Float>(2×3) [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]")
    }
}
