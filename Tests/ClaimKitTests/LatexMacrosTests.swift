import Foundation
import Testing
@testable import ClaimKit

/// reports/claims.tex: the macro-name rule against hand-derived names, the numbers as the reports print them, and
/// the committed file against what `claims index` would write from the committed results.
@Suite struct LatexMacrosTests {
    @Test(arguments: [
        ("sigmoid-vanishing-gradients", "attenuation", "ClaimSigmoidVanishingGradientsAttenuation"),
        ("sigmoid-vanishing-gradients", "attenuation10", "ClaimSigmoidVanishingGradientsAttenuationOneZero"),
        ("sigmoid-not-zero-centered", "layer2EigenvalueRatio", "ClaimSigmoidNotZeroCenteredLayerTwoEigenvalueRatio"),
        ("exp-is-expensive", "expToReLU", "ClaimExpIsExpensiveExpToReLU"),
        ("a-1b", "x_y9z", "ClaimAOneBXYNineZ"),
        ("b7", "conv2d", "ClaimBSevenConvTwoD"),
    ])
    func macroNameRule(_ claim: String, _ metric: String, _ name: String) {
        #expect(LatexMacros.macroName(claim: claim, metric: metric) == name)
    }

    @Test func verdictName() {
        #expect(LatexMacros.macroName(claim: "xavier-vs-he-relu", metric: nil) == "ClaimXavierVsHeReluVerdict")
        #expect(LatexMacros.camelCase("dead-relu") == "DeadRelu")
        #expect(LatexMacros.camelCase("10") == "OneZero")
    }

    /// The mean as the report's "mean ± std" prints it, then in LaTeX.
    @Test(arguments: [
        ("0.235 ± 0.001", "0.235", "0.235"),
        ("−1.021 ± 0.004", "−1.021", "\\ensuremath{-1.021}"),
        ("(7.7 ± 0.3)e−6", "7.7e−6", "\\ensuremath{7.7\\times10^{-6}}"),
        ("3.2e5", "3.2e5", "\\ensuremath{3.2\\times10^{5}}"),
        ("5", "5", "5"),
        ("diverged", "diverged", "diverged"),
    ])
    func numbers(_ meanStd: String, _ mean: String, _ latex: String) {
        #expect(LatexMacros.meanText(meanStd) == mean)
        #expect(LatexMacros.latexNumber(mean) == latex)
    }

    @Test func meanUsesTheReportsDigits() {
        let values = [0.2132, 0.2136, 0.2140, 0.2137, 0.2135]
        #expect(Numbers.meanStd(values) == "0.2136 ± 0.0003")
        #expect(LatexMacros.meanText(Numbers.meanStd(values)) == "0.2136")
        #expect(Numbers.meanStd([1.2, 1.4, 1.0]) == "1.20 ± 0.20")
        #expect(LatexMacros.meanText(Numbers.meanStd([1.2, 1.4, 1.0])) == "1.20")
    }

    /// Every committed result: one macro per claim's verdict and per judged metric, every name letters only and
    /// unique, and reports/claims.tex exactly what `claims index reports` writes from them.
    @Test func committedMacrosAreUniqueAndCurrent() throws {
        let claims = try ClaimCatalogue.discover(in: Repository.root.appendingPathComponent("experiments"))
        let reports = Repository.root.appendingPathComponent("reports")
        let results = try claims.map { try ClaimResult.read(claim: $0.id, in: reports) }
        var names: [String] = []
        for result in results {
            let macros = LatexMacros.macros(for: result)
            #expect(macros.first?.body == result.verdict.rawValue)
            #expect(macros.count == 1 + Set(result.judgement.inForce.claim.map(\.metric)).count)
            names += macros.map(\.name)
        }
        #expect(names.count == Set(names).count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isLetter } })
        #expect(Set(names).isDisjoint(with: LatexMacros.helperNames))
        let labels = Dictionary(claims.map { ($0.id, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        let generated = try LatexMacros.document(results, labels: labels)
        let committed = try String(contentsOf: reports.appendingPathComponent("claims.tex"), encoding: .utf8)
        #expect(committed == generated, "reports/claims.tex is stale: run `make index`")
        #expect(generated.components(separatedBy: "\n").filter { $0.hasPrefix("\\newcommand{\\Claim") }.count == names.count)
    }

    /// Two claim ids that the rule maps to the same letters are refused, naming both.
    @Test func collidingNamesAreRefused() throws {
        let source = Repository.root.appendingPathComponent("reports/dead-relu/result.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        json["claim"] = "dead--relu"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("macros-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("result.json")
        try JSONSerialization.data(withJSONObject: json).write(to: copy)
        let results = [try ClaimResult.read(from: source), try ClaimResult.read(from: copy)]
        #expect(throws: LatexMacros.DuplicateName.self) { try LatexMacros.document(results) }
        do {
            _ = try LatexMacros.document(results)
        } catch let error as LatexMacros.DuplicateName {
            #expect(error.name == "ClaimDeadReluVerdict")
            #expect(error.description.contains("dead--relu"))
        }
    }
}

/// The repository's root folder, from this file's path.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
