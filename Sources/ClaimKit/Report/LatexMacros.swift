import Foundation
import Gnuplot
import Reporting

/// `reports/claims.tex`: one LaTeX macro per claim for its verdict and one per headline number, so lecture notes
/// quote the reports through `\input{claims.tex}` and stay true when the reports are regenerated. Written by
/// `claims index` from every `<claim-id>/result.json`.
///
/// The headline numbers of a claim are the metrics of its claim arm that the rules in force judge, each as the mean
/// over the seeds printed exactly as the report prints it (``Numbers/meanStd(_:)``'s digits: "0.235" where the report
/// says "0.235 ± 0.001"), in LaTeX (`\ensuremath{-1.02}`, `\ensuremath{7.7\times10^{-6}}`).
///
/// Names (``macroName(claim:metric:)``): `Claim` + the claim id in CamelCase + the metric's name with its first letter
/// capitalised, or + `Verdict`. A control word holds letters only, so every character that is not an ASCII letter
/// or digit (the claim id's hyphens) is dropped and the letter after it capitalised, and every digit is spelled out
/// as its English name, capitalised, digit by digit:
///
/// ```swift
/// LatexMacros.macroName(claim: "sigmoid-vanishing-gradients", metric: "attenuation10")
///     // "ClaimSigmoidVanishingGradientsAttenuationOneZero"
/// LatexMacros.macroName(claim: "xavier-vs-he-relu", metric: nil)   // "ClaimXavierVsHeReluVerdict"
/// ```
public enum LatexMacros {
    /// The file's name inside the reports folder.
    public static let fileName = "claims.tex"

    /// Commands the file defines besides the claims' macros (no claim macro may take these names).
    static let helperNames = ["ClaimsReports", "ClaimFigure", "ClaimFigureFolder"]

    /// One macro: its name (without the backslash), its LaTeX body, and a comment saying what it is.
    public struct Macro: Sendable, Equatable {
        public let name: String
        public let body: String
        public let comment: String
    }

    /// `Claim<Id><Metric>` (or `Claim<Id>Verdict` for `metric` nil): see the type's documentation.
    public static func macroName(claim: String, metric: String?) -> String {
        "Claim" + camelCase(claim) + (metric.map(camelCase) ?? "Verdict")
    }

    /// `identifier` as letters only: words split at any character but an ASCII letter or digit (dropped), each
    /// word's first letter capitalised (the rest kept), each digit spelled out ("2" → "Two").
    /// `camelCase("layer2EigenvalueRatio")` is "LayerTwoEigenvalueRatio"; `camelCase("dead-relu")` "DeadRelu".
    public static func camelCase(_ identifier: String) -> String {
        var name = "", capitalizeNext = true
        for scalar in identifier.unicodeScalars {
            if let digit = digitNames[scalar] {
                name += digit
                capitalizeNext = true
            } else if scalar.isASCII, scalar.properties.isAlphabetic {
                name += capitalizeNext ? String(scalar).uppercased() : String(scalar)
                capitalizeNext = false
            } else {
                capitalizeNext = true
            }
        }
        return name
    }

    private static let digitNames: [Unicode.Scalar: String] = [
        "0": "Zero", "1": "One", "2": "Two", "3": "Three", "4": "Four",
        "5": "Five", "6": "Six", "7": "Seven", "8": "Eight", "9": "Nine",
    ]

    /// A claim's macros: its verdict, then its headline numbers sorted by macro name. `labels` name the metrics
    /// (report.md's `metrics:`) in the comments.
    public static func macros(for result: ClaimResult, labels: [String: String] = [:]) -> [Macro] {
        var macros = [Macro(name: macroName(claim: result.claim, metric: nil), body: result.verdict.rawValue,
                            comment: "verdict under the rules in force (expected: \(result.expected.rawValue))")]
        // A metric judged by two rules is one number; its conditions are listed together.
        var conditions: [String: [String]] = [:], values: [String: [Double]] = [:]
        for outcome in result.judgement.inForce.claim {
            conditions[outcome.metric, default: []].append(outcome.condition)
            values[outcome.metric] = outcome.values
        }
        var numbers: [Macro] = []
        for (metric, seedValues) in values {
            let report = Numbers.meanStd(seedValues)
            numbers.append(Macro(name: macroName(claim: result.claim, metric: metric), body: latexNumber(meanText(report)),
                                 comment: "\(labels[metric] ?? metric): mean over seeds \(seedRange(result.seeds)) (report: \(report));"
                                    + " rule: \(conditions[metric]!.joined(separator: "; "))"))
        }
        return macros + numbers.sorted { $0.name < $1.name }
    }

    /// The mean as ``Numbers/meanStd(_:)`` prints it: "0.235" of "0.235 ± 0.001", "7.7e−6" of "(7.7 ± 0.3)e−6",
    /// the whole text when it has no spread ("5", "diverged").
    static func meanText(_ meanStd: String) -> String {
        if meanStd.hasPrefix("("), let plusMinus = meanStd.range(of: " ± "), let close = meanStd.range(of: ")e") {
            return String(meanStd[meanStd.index(after: meanStd.startIndex)..<plusMinus.lowerBound])
                + "e" + meanStd[close.upperBound...]
        }
        if let plusMinus = meanStd.range(of: " ± ") { return String(meanStd[..<plusMinus.lowerBound]) }
        return meanStd
    }

    /// A number of the report ("0.235", "−1.50", "7.7e−6", "diverged") as LaTeX: plain digits as they are, a minus
    /// sign or a power of ten in math mode.
    static func latexNumber(_ text: String) -> String {
        guard text.contains(where: \.isNumber) else { return LatexText.escaped(text) }
        var number = text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "∞", with: "\\infty")
        if let e = number.firstIndex(of: "e") {
            number = "\(number[..<e])\\times10^{\(number[number.index(after: e)...])}"
        }
        return number.contains("-") || number.contains("\\") ? "\\ensuremath{\(number)}" : number
    }

    private static func seedRange(_ seeds: [Int]) -> String {
        guard let first = seeds.first, let last = seeds.last else { return "none" }
        return seeds.count == 1 ? "\(first)" : "\(first)-\(last)"
    }

    /// The text of `claims.tex` for `results` (sorted by claim id); `labels` by claim id, then by metric.
    ///
    /// - Throws: ``DuplicateName`` when two claims or metrics give one name.
    public static func document(_ results: [ClaimResult], labels: [String: [String: String]] = [:]) throws -> String {
        let sorted = results.sorted { $0.claim < $1.claim }
        var owners: [String: String] = Dictionary(uniqueKeysWithValues: helperNames.map { ($0, "claims.tex itself") })
        var text = header
        for result in sorted {
            text += "\n% \(result.claim): \(result.title)\n"
            for macro in macros(for: result, labels: labels[result.claim] ?? [:]) {
                let owner = "\(result.claim) (\(macro.comment.prefix { $0 != ":" }))"
                if let other = owners[macro.name] {
                    throw DuplicateName(name: macro.name, owners: [other, owner])
                }
                owners[macro.name] = owner
                text += "%   \(macro.comment)\n\\newcommand{\\\(macro.name)}{\(macro.body)}\n"
            }
        }
        return text
    }

    /// Writes `folder/claims.tex` for `claims` (their `result.json` files in `folder`); returns the number of macros.
    @discardableResult
    public static func write(claims: [ClaimMetadata], in folder: URL) throws -> Int {
        let results = try claims.map { try ClaimResult.read(claim: $0.id, in: folder) }
        let labels = Dictionary(claims.map { ($0.id, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        let text = try document(results, labels: labels)
        try AtomicFile.write(text, to: folder.appendingPathComponent(fileName))
        return text.components(separatedBy: "\n").filter { $0.hasPrefix("\\newcommand{\\Claim") }.count
    }

    /// Two macros of `claims.tex` with one name: the name rule maps two claim ids or metric names to the same letters.
    public struct DuplicateName: Error, CustomStringConvertible, Equatable {
        public let name: String
        public let owners: [String]
        public var description: String {
            "claims.tex: \\\(name) would name both \(owners.joined(separator: " and ")); rename a metric or claim id "
                + "(digits are spelled out and hyphens dropped, so e.g. layer2 and layer-two collide)."
        }
    }

    static let header = #"""
        % claims.tex -- generated by `claims index reports` (`make reports` or `make index`) from every
        % reports/<claim-id>/result.json by Sources/ClaimKit/Report/LatexMacros.swift. Do not edit: regenerating the
        % reports rewrites it, so the numbers quoted through it stay those of the reports.
        %
        % Use: \input{<path to reports>/claims.tex}, then \ClaimSigmoidVanishingGradientsVerdict{} or
        % \ClaimSigmoidVanishingGradientsAttenuation{} in the text (the {} keeps the space after the macro).
        % Per claim: \Claim<Id>Verdict (reproduced / not reproduced / inconclusive, under the rules in force) and
        % \Claim<Id><Metric> for every metric of the claim's arm that a rule in force judges: the mean over the
        % report's seeds, with the digits the report prints (0.235 for "0.235 +- 0.001").
        % Names: the claim id and the metric name in CamelCase, letters only -- a hyphen (or any character but a
        % letter or digit) is dropped and the next letter capitalised, and each digit is spelled out, capitalised,
        % digit by digit: claim sigmoid-vanishing-gradients, metric attenuation10 ->
        % \ClaimSigmoidVanishingGradientsAttenuationOneZero.
        %
        % Figures: \ClaimFigure{<claim-id>}{<figure-name>} inputs <claim-id>/figures/latex/<figure-name>.tex (gnuplot's
        % cairolatex picture; needs \usepackage{graphicx} and \usepackage{color}) with \graphicspath set to its folder
        % inside a group, so its \includegraphics finds the .pdf beside it from any directory. Paths start at
        % \ClaimsReports, the reports folder as seen from the document (default: the document's own folder); define it
        % before this file, e.g. \newcommand\ClaimsReports{../}.
        \providecommand\ClaimsReports{}
        \newcommand\ClaimFigure[2]{\begingroup
          \edef\ClaimFigureFolder{\ClaimsReports#1/figures/latex/}%
          \expandafter\graphicspath\expandafter{\expandafter{\ClaimFigureFolder}}%
          \input{\ClaimFigureFolder#2.tex}\endgroup}

        """#
}
