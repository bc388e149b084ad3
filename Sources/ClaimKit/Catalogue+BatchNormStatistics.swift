extension Catalogue {
    /// batchnorm-stability, batchnorm-test-time, layernorm-batch-size.
    static let batchNormStatisticsClaims: [Claim] = [batchNormStability, batchNormTestTime, layerNormBatchSize]

    public static let batchNormStability = Claim(
        id: "batchnorm-stability",
        title: "Batch norm keeps layer inputs steady and speeds up training",
        statement: "Batch normalization keeps each layer's inputs in the Gaussian range we want, so training is faster "
            + "and stable.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "핵심: keep activations in a gaussian range that we want / 평균 0, 분산 1로 mini-batch 내에서 정규화",
            noteQuoteEnglish: "Key point: keep activations in a gaussian range that we want / normalise to mean 0, "
                + "variance 1 within the mini-batch",
            lecture: "CS231n Lecture 6, Batch Normalization",
            paper: "Ioffe & Szegedy (2015), §4.1 and Fig. 1"),
        expected: .reproduced)

    public static let batchNormTestTime = Claim(
        id: "batchnorm-test-time",
        title: "At test time batch norm uses running averages, not the test batch",
        statement: "At test time, batch normalization uses the running averages of the mean and variance collected "
            + "during training, not the statistics of the test batch.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "Test에서는? - running averages를 이용하여",
            noteQuoteEnglish: "And at test time? — using the running averages",
            lecture: "CS231n Lecture 6, Batch Normalization: at test time",
            paper: "Ioffe & Szegedy (2015), §3.1 and Algorithm 2"),
        expected: .reproduced)

    public static let layerNormBatchSize = Claim(
        id: "layernorm-batch-size",
        title: "Layer norm works where batch statistics fail: tiny batches",
        statement: "Layer normalization normalises each example over its own features, so it does not depend on the "
            + "batch and keeps working at tiny batch sizes, where batch normalization degrades.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "cf) Layer normalization - resnet의 residual connection처럼 layer 내의 0~1 분포가 깨졌을 때 적용",
            noteQuoteEnglish: "cf. Layer normalization — applied when the 0–1 distribution within a layer breaks, as "
                + "with ResNet's residual connections",
            lecture: "CS231n Lecture 6, Batch Normalization: cf. Layer Normalization (same behaviour at train and test)",
            paper: "Ba, Kiros & Hinton (2016), §6.6 and Fig. 6 (and §6.7 for convolutional nets)"),
        expected: .reproduced)
}
