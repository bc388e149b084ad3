extension Catalogue {
    /// batchnorm-init-robustness, batchnorm-higher-learning-rate, batchnorm-gradient-flow.
    static let batchNormTrainingClaims: [Claim] = [batchNormInitRobustness, batchNormHigherLearningRate,
                                                   batchNormGradientFlow]

    /// CLAIMS.md B4a.
    public static let batchNormInitRobustness = Claim(
        id: "batchnorm-init-robustness",
        title: "Batch norm removes the strong dependence on the initial weight scale",
        statement: "Batch normalization reduces the strong dependence on initialization: a deep net with batch norm "
            + "trains over a wide range of initial weight scales, one without it only near the right scale.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "가중치 초기화의 핵심: back prop 시에 네트워크가 죽지 않도록 평균 0, 분산 1을 맞춰주자 … "
                + "## 4. Batch Normalization 핵심: keep activations in a gaussian range that we want - 평균 0, 분산 1로 "
                + "mini-batch 내에서 정규화",
            noteQuoteEnglish: "The key of weight initialization: match mean 0 and variance 1 so that the network does "
                + "not die during backprop … 4. Batch Normalization — key point: keep activations in a gaussian range "
                + "that we want — normalise to mean 0, variance 1 within the mini-batch",
            lecture: "CS231n Lecture 6, Batch Normalization: \"Reduces the strong dependence on initialization\"; "
                + "CS231n assignment 2, BatchNormalization.ipynb (\"Batch normalization and initialization\")",
            paper: "Ioffe & Szegedy (2015), §3.3 (BN makes a layer's output invariant to the scale of its weights)"),
        expected: .reproduced)

    /// CLAIMS.md B4b.
    public static let batchNormHigherLearningRate = Claim(
        id: "batchnorm-higher-learning-rate",
        title: "Batch norm allows higher learning rates",
        statement: "Batch normalization allows higher learning rates: a deep net with batch norm still trains at "
            + "learning rates where the same net without it diverges.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "## 4. Batch Normalization 핵심: keep activations in a gaussian range that we want - 평균 0, "
                + "분산 1로 mini-batch 내에서 정규화",
            noteQuoteEnglish: "4. Batch Normalization — key point: keep activations in a gaussian range that we want "
                + "— normalise to mean 0, variance 1 within the mini-batch (the note does not write out the slide's "
                + "bullet \"allows higher learning rates\")",
            lecture: "CS231n Lecture 6, Batch Normalization: \"Allows higher learning rates\"",
            paper: "Ioffe & Szegedy (2015), §3.3 (\"Batch Normalization enables higher learning rates\") and §4.2.2"),
        expected: .reproduced)

    /// CLAIMS.md B4c.
    public static let batchNormGradientFlow = Claim(
        id: "batchnorm-gradient-flow",
        title: "Batch norm removes vanishing gradients (and ReLU's gradient then explodes)",
        statement: "Batch normalization is a method to remove the vanishing gradient problem: with it the gradient "
            + "reaches the first layers of a deep sigmoid or tanh net undiminished.",
        source: Claim.Source(
            noteFile: "002_8aec23e415a3563e.txt",
            noteQuote: "Batch Normalization : vanishing gradient problem을 없애기 위한 방법 : mini batch 단위로 "
                + "normalization하자.",
            noteQuoteEnglish: "Batch Normalization: a method to remove the vanishing gradient problem — normalise per "
                + "mini-batch.",
            lecture: "CS231n Lecture 6, Batch Normalization: \"Improves gradient flow through the network\"",
            paper: "Ioffe & Szegedy (2015), §3.3; Yang, Pennington, Rao, Sohl-Dickstein & Schoenholz (2019), "
                + "\"A Mean Field Theory of Batch Normalization\" (gradients explode at initialisation)"),
        expected: .reproduced)
}
