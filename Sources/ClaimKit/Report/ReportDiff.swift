import Foundation

/// Two runs of the same claims side by side (e.g. the committed `reports/` and a fresh run): per claim the verdicts
/// and every metric, with the relative change, for a pull-request comment (`claims diff OLD NEW`).
///
/// Metrics are compared on the seeds both runs measured (a quick run's seeds are the first of a full run's). A
/// metric's relative change is the largest over those seeds of |new − old| / max(|old|, |new|) (0 when both are equal,
/// both NaN, or both 0); it counts as changed above `tolerance`. Another OpenBLAS kernel moves numbers in their last
/// digits (relative ~1e-7 for Float32), long training runs more: the tolerance says what counts as "only moved".
///
/// A verdict is a regression only against a run of the same mode: a full run (5 seeds, the published protocol) and a
/// quick run (1–2 seeds, shorter training) judge different evidence, so a verdict that differs between them is shown
/// but does not make `verdictChanged` true.
public struct ReportDiff: Sendable {
    /// One compared quantity: a verdict or a metric's per-seed values.
    public struct Row: Sendable, Equatable {
        public let claim: String
        /// "verdict", "pre-registered verdict", or "claim.x" / "control.x" / "extra.x".
        public let quantity: String
        public let old: String
        public let new: String
        /// Largest relative change over seeds; nil for verdicts and for a metric present on one side only.
        public let relativeChange: Double?
        public let changed: Bool
        public let isVerdict: Bool
        /// A verdict of a full run beside one of a quick run: shown, never a regression.
        public var acrossModes = false
    }

    public let rows: [Row]
    public let tolerance: Double

    /// Compares the results of the claims in `ids` (missing on one side: a changed row).
    public init(old: [String: ClaimResult], new: [String: ClaimResult], ids: [String], tolerance: Double) {
        self.tolerance = tolerance
        var rows: [Row] = []
        for id in ids {
            guard let a = old[id], let b = new[id] else {
                rows.append(Row(claim: id, quantity: "verdict", old: old[id]?.verdict.rawValue ?? "missing",
                                new: new[id]?.verdict.rawValue ?? "missing", relativeChange: nil, changed: true,
                                isVerdict: true))
                continue
            }
            let acrossModes = a.mode != b.mode
            for (name, x, y) in [("verdict", a.verdict, b.verdict),
                                 ("pre-registered verdict", a.preregisteredVerdict, b.preregisteredVerdict)] {
                rows.append(Row(claim: id, quantity: acrossModes ? "\(name) (\(a.mode) vs \(b.mode))" : name,
                                old: x.rawValue, new: y.rawValue, relativeChange: nil, changed: x != y, isVerdict: true,
                                acrossModes: acrossModes))
            }
            for (arm, x, y) in [("claim", a.claimMetrics, b.claimMetrics), ("control", a.controlMetrics, b.controlMetrics),
                                ("extra", a.extraMetrics, b.extraMetrics)] {
                // Seeds both runs measured (a quick run's seeds are the first of a full run's).
                let common = a.seeds.enumerated().compactMap { i, seed in b.seeds.firstIndex(of: seed).map { (i, $0) } }
                if common.isEmpty {   // e.g. seeds 0–4 against the fresh seeds 1000–1019: nothing to compare
                    rows.append(Row(claim: id, quantity: "\(arm) metrics", old: "seeds \(Self.seedText(a.seeds))",
                                    new: "seeds \(Self.seedText(b.seeds)) (no seed in common)", relativeChange: nil,
                                    changed: true, isVerdict: false))
                    continue
                }
                for name in Set(x.keys).union(y.keys).sorted() {
                    let (u, v) = (x[name]?.values, y[name]?.values)
                    rows.append(Self.metricRow(claim: id, quantity: "\(arm).\(name)",
                                               u.map { u in common.compactMap { $0.0 < u.count ? u[$0.0] : nil } },
                                               v.map { v in common.compactMap { $0.1 < v.count ? v[$0.1] : nil } },
                                               tolerance: tolerance))
                }
            }
        }
        self.rows = rows
    }

    static func seedText(_ seeds: [Int]) -> String {
        guard let first = seeds.first, let last = seeds.last else { return "none" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    static func metricRow(claim: String, quantity: String, _ a: [Double]?, _ b: [Double]?, tolerance: Double) -> Row {
        func mean(_ v: [Double]?) -> String {
            guard let v, !v.isEmpty else { return "missing" }
            return String(format: "%.6g", v.reduce(0, +) / Double(v.count))
        }
        guard let a, let b, a.count == b.count, !a.isEmpty else {
            return Row(claim: claim, quantity: quantity, old: mean(a), new: mean(b), relativeChange: nil, changed: true,
                       isVerdict: false)
        }
        let change = zip(a, b).map { relativeChange($0, $1) }.max() ?? 0
        return Row(claim: claim, quantity: quantity, old: mean(a), new: mean(b), relativeChange: change,
                   changed: !(change <= tolerance), isVerdict: false)
    }

    /// |y − x| / max(|x|, |y|); 0 for equal values (including both NaN or both infinite), 1 for NaN against a number.
    public static func relativeChange(_ x: Double, _ y: Double) -> Double {
        if x == y || (x.isNaN && y.isNaN) { return 0 }
        if x.isNaN || y.isNaN || x.isInfinite || y.isInfinite { return 1 }
        return abs(y - x) / max(abs(x), abs(y))
    }

    /// Whether any verdict (in force or pre-registered) changed between runs of the same mode, or a claim is missing
    /// on one side.
    public var verdictChanged: Bool { rows.contains { $0.isVerdict && $0.changed && !$0.acrossModes } }

    /// A Markdown summary and table, changed rows first (verdicts before metrics); unchanged rows follow inside a
    /// collapsed `<details>` block.
    public func markdown() -> String {
        let changed = rows.filter(\.changed).sorted { $0.isVerdict && !$1.isVerdict }
        let unchanged = rows.filter { !$0.changed }
        let verdicts = changed.filter { $0.isVerdict && !$0.acrossModes }.count
        let modeVerdicts = changed.filter { $0.isVerdict && $0.acrossModes }.count
        var text = "**claims diff:** \(verdicts) verdict\(verdicts == 1 ? "" : "s") changed, "
            + "\(changed.count - verdicts - modeVerdicts) of \(rows.filter { !$0.isVerdict }.count) metrics moved by "
            + "more than \(String(format: "%g", tolerance)) (relative), over \(Set(rows.map(\.claim)).count) claims.\n"
        if modeVerdicts > 0 {
            text += "\n\(modeVerdicts) verdict\(modeVerdicts == 1 ? " differs" : "s differ") between a full and a quick "
                + "run: different protocols (fewer seeds, shorter training) judge different evidence, so these are "
                + "shown, not counted as changes.\n"
        }
        func table(_ rows: [Row]) -> String {
            var t = "\n| claim | quantity | old | new | relative change |\n| --- | --- | --- | --- | --- |\n"
            for r in rows {
                let change = r.relativeChange.map { String(format: "%.2g", $0) } ?? (r.isVerdict ? "" : "—")
                t += "| \(r.claim) | \(r.quantity) | \(r.old) | \(r.new) | \(change) |\n"
            }
            return t
        }
        if !changed.isEmpty { text += table(changed) }
        if !unchanged.isEmpty {
            text += "\n<details><summary>\(unchanged.count) unchanged rows</summary>\n" + table(unchanged) + "\n</details>\n"
        }
        return text
    }
}
