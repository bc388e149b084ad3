import Foundation

/// A dense row-major matrix of `Scalar`: the engine's one tensor type.
///
/// Shapes follow CS231n's convention: a batch is `rows = N` examples by `columns = D` features, a weight is
/// `D × M` so that a linear layer computes `x · W + b`. Storage is a Swift array (copy on write); hot loops work on its
/// unsafe buffer so bounds checks do not block vectorisation.
public struct Tensor<Scalar: EngineScalar>: Equatable, Sendable {
    /// Number of rows (examples, for a batch).
    public private(set) var rows: Int
    /// Number of columns (features, for a batch).
    public private(set) var columns: Int
    /// The entries in row-major order: entry (r, c) is `scalars[r * columns + c]`.
    public var scalars: [Scalar] {
        didSet {
            precondition(scalars.count == rows * columns,
                         "Tensor: \(scalars.count) scalars do not fill shape \(rows)×\(columns)")
        }
    }

    /// A tensor holding `scalars` in row-major order.
    public init(rows: Int, columns: Int, scalars: [Scalar]) {
        precondition(rows >= 0 && columns >= 0, "Tensor: negative shape \(rows)×\(columns)")
        precondition(scalars.count == rows * columns,
                     "Tensor: \(scalars.count) scalars do not fill shape \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }

    /// A tensor with every entry equal to `value`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        self.init(rows: rows, columns: columns, scalars: [Scalar](repeating: value, count: rows * columns))
    }

    /// A tensor whose entries are written by `initializer` into uninitialised storage of `rows * columns` scalars,
    /// which it must fill completely (no zero-fill: for outputs that are overwritten anyway).
    @inlinable
    public init(rows: Int, columns: Int,
                unsafeUninitialized initializer: (UnsafeMutableBufferPointer<Scalar>) -> Void) {
        let count = rows * columns
        self.init(rows: rows, columns: columns, scalars: [Scalar](unsafeUninitializedCapacity: count) { buffer, n in
            initializer(buffer)
            n = count
        })
    }

    /// A 1×n row vector.
    public init(row: [Scalar]) { self.init(rows: 1, columns: row.count, scalars: row) }

    /// A tensor from nested rows, e.g. `Tensor([[1, 2], [3, 4]])`. All rows must have the same length.
    public init(_ nested: [[Scalar]]) {
        let columns = nested.first?.count ?? 0
        precondition(nested.allSatisfy { $0.count == columns }, "Tensor: ragged rows \(nested.map(\.count))")
        self.init(rows: nested.count, columns: columns, scalars: nested.flatMap { $0 })
    }

    /// `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }
    /// `rows * columns`.
    public var count: Int { rows * columns }

    /// Entry (row, column).
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Tensor: index (\(row), \(column)) outside shape \(rows)×\(columns)")
            return scalars[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Tensor: index (\(row), \(column)) outside shape \(rows)×\(columns)")
            scalars[row * columns + column] = newValue
        }
    }

    /// Row `index` as an array.
    public func row(_ index: Int) -> [Scalar] {
        precondition(index >= 0 && index < rows, "Tensor: row \(index) outside 0..<\(rows)")
        return Array(scalars[index * columns ..< (index + 1) * columns])
    }

    /// Column `index` as an array.
    public func column(_ index: Int) -> [Scalar] {
        precondition(index >= 0 && index < columns, "Tensor: column \(index) outside 0..<\(columns)")
        return (0..<rows).map { scalars[$0 * columns + index] }
    }

    /// The same entries read as a `rows × columns` tensor (row-major order is kept).
    public func reshaped(rows newRows: Int, columns newColumns: Int) -> Tensor {
        precondition(newRows * newColumns == count, "Tensor: cannot reshape \(rows)×\(columns) to \(newRows)×\(newColumns)")
        return Tensor(rows: newRows, columns: newColumns, scalars: scalars)
    }

    /// The rows at `indices`, in that order (a mini-batch gather).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func gatheringRows(_ indices: [Int]) -> Tensor {
        let width = columns
        return Tensor(rows: indices.count, columns: width) { out in
            scalars.withUnsafeBufferPointer { source in
                for (k, r) in indices.enumerated() {
                    precondition(r >= 0 && r < rows, "Tensor.gatheringRows: row \(r) outside 0..<\(rows)")
                    out.baseAddress!.advanced(by: k * width)
                        .update(from: source.baseAddress!.advanced(by: r * width), count: width)
                }
            }
        }
    }

    /// The same values converted to another scalar type (e.g. Float data into a Float64 gradient check).
    public func converted<Other: EngineScalar>(to: Other.Type = Other.self) -> Tensor<Other> {
        Tensor<Other>(rows: rows, columns: columns, scalars: scalars.map { Other($0) })
    }
}

extension Tensor: CustomStringConvertible {
    /// `Tensor<Float>(2×3) [[1, 2, 3], [4, 5, 6]]`, eliding the middle of large tensors.
    public var description: String {
        func text(_ r: Int) -> String {
            let values = (0..<columns).map { "\(self[r, $0])" }
            return "[" + (values.count > 8 ? values.prefix(4) + ["…"] + values.suffix(3) : values)
                .joined(separator: ", ") + "]"
        }
        let shown = rows > 8 ? (0..<4).map(text) + ["…"] + (rows - 3..<rows).map(text) : (0..<rows).map(text)
        return "Tensor<\(Scalar.self)>(\(rows)×\(columns)) [" + shown.joined(separator: ", ") + "]"
    }
}
