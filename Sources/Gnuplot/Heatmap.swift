/// The data of a heatmap: a matrix of values with the coordinates of its columns and rows.
struct Heatmap: Sendable {
    /// `values[row][column]`; every row has the same length.
    let values: [[Double]]
    /// The x coordinate of each column.
    let x: [Double]
    /// The y coordinate of each row.
    let y: [Double]

    init(values: [[Double]], x: [Double]?, y: [Double]?) {
        let columns = values.first?.count ?? 0
        precondition(!values.isEmpty && columns > 0, "Series.heatmap: the matrix is empty")
        precondition(values.allSatisfy { $0.count == columns },
                     "Series.heatmap: rows have different lengths \(values.map(\.count)); every row needs \(columns) values")
        let x = x ?? (0..<columns).map(Double.init)
        let y = y ?? (0..<values.count).map(Double.init)
        precondition(x.count == columns, "Series.heatmap: \(columns) columns but \(x.count) x coordinates")
        precondition(y.count == values.count, "Series.heatmap: \(values.count) rows but \(y.count) y coordinates")
        self.values = values
        self.x = x
        self.y = y
    }
}
