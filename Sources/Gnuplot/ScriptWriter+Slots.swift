/// Which house-style slot (colour, dash, marker) and which reference dash each series of a plot gets.
extension ScriptWriter {
    /// The house-style slot of each series of a plot: lines, points, histograms and bars take the next
    /// slot (or their own); a band takes the slot of the next such series after it; heatmaps and
    /// reference lines take none unless given one.
    static func paletteSlots(of plot: Figure) -> [Int?] {
        var next = 0
        var slots: [Int?] = plot.series.map { series in
            switch series.mark {
            case .lines, .points, .linePoints, .histogram, .bars:
                if let slot = series.slot { return slot }
                defer { next += 1 }
                return next
            case .band, .heatmap, .reference:
                return series.slot
            }
        }
        for (s, series) in plot.series.enumerated() {
            guard case .band = series.mark, series.slot == nil else { continue }
            let partner = plot.series.indices.dropFirst(s + 1).first { isSlotted(plot.series[$0]) }
            if let partner {
                slots[s] = slots[partner]
            } else {
                slots[s] = next
                next += 1
            }
        }
        return slots
    }

    private static func isSlotted(_ series: Series) -> Bool {
        switch series.mark {
        case .lines, .points, .linePoints, .histogram, .bars: true
        case .band, .heatmap, .reference: false
        }
    }

    /// The position of each reference line among the plot's reference lines (`nil` for other series).
    static func referenceNumbers(of plot: Figure) -> [Int?] {
        var next = 0
        return plot.series.map { series in
            guard case .reference = series.mark else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
