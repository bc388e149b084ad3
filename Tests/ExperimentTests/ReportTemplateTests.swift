import ClaimKit
import Foundation
import Testing
@testable import sigmoid_vanishing_gradients

/// Every migrated experiment's report.md against its Swift declarations: labels, rules, required sections, and every
/// placeholder rendered (a misspelt name fails here, not in a report).
@Suite struct ReportTemplateTests {
    static let experiments: [any ClaimExperiment.Type] = [
        SigmoidVanishingGradients.self,
    ]

    @Test(arguments: experiments.indices) func templateMatchesDeclarations(_ index: Int) {
        let problems = Self.experiments[index].templateProblems()
        #expect(problems.isEmpty, "\(Self.experiments[index]): \(problems.joined(separator: "; "))")
    }

    /// Every experiment folder with a report.md is in the list above.
    @Test func everyTemplateIsTested() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("experiments")
        let discovered = try ClaimCatalogue.discover(in: root).map(\.id).sorted()
        let tested = try Self.experiments.map { try $0.template().metadata.id }.sorted()
        #expect(discovered == tested)
    }
}
