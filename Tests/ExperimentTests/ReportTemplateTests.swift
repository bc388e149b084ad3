import ClaimKit
import Foundation
import Testing
@testable import batchnorm_gradient_flow
@testable import batchnorm_higher_learning_rate
@testable import batchnorm_init_robustness
@testable import batchnorm_stability
@testable import batchnorm_test_time
@testable import dead_relu
@testable import exp_is_expensive
@testable import gradient_accumulation
@testable import gradient_checking
@testable import init_scale_tanh
@testable import large_init_sigmoid
@testable import layernorm_batch_size
@testable import momentum_adam_speedup
@testable import pca_whitening
@testable import random_vs_grid_search
@testable import relu_converges_faster
@testable import relu_variants
@testable import sigmoid_not_zero_centered
@testable import sigmoid_vanishing_gradients
@testable import tanh_still_saturates
@testable import xavier_normal_formula
@testable import xavier_vs_he_relu
@testable import zero_center_inputs
@testable import zero_init_symmetry

/// Every experiment's report.md against its Swift declarations: labels, rules, required sections, and every
/// placeholder rendered (a misspelt name fails here, not in a report).
@Suite struct ReportTemplateTests {
    static let experiments: [any ClaimExperiment.Type] = [
        sigmoid_vanishing_gradients.SigmoidVanishingGradients.self,
        zero_init_symmetry.ZeroInitSymmetry.self,
        init_scale_tanh.InitScaleTanh.self,
        xavier_normal_formula.XavierNormalFormula.self,
        xavier_vs_he_relu.XavierVsHeReLU.self,
        large_init_sigmoid.LargeInitSigmoid.self,
        batchnorm_stability.BatchNormStability.self,
        batchnorm_test_time.BatchNormTestTime.self,
        batchnorm_gradient_flow.BatchNormGradientFlow.self,
        batchnorm_higher_learning_rate.BatchNormHigherLearningRate.self,
        batchnorm_init_robustness.BatchNormInitRobustness.self,
        layernorm_batch_size.LayerNormBatchSize.self,
        sigmoid_not_zero_centered.SigmoidNotZeroCentered.self,
        exp_is_expensive.ExpIsExpensive.self,
        tanh_still_saturates.TanhStillSaturates.self,
        relu_converges_faster.ReLUConvergesFaster.self,
        dead_relu.DeadReLU.self,
        relu_variants.ReLUVariants.self,
        zero_center_inputs.ZeroCenterInputs.self,
        pca_whitening.PCAWhiteningClaim.self,
        momentum_adam_speedup.MomentumAdamSpeedup.self,
        gradient_accumulation.GradientAccumulation.self,
        random_vs_grid_search.RandomVsGridSearch.self,
        gradient_checking.GradientChecking.self,
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
