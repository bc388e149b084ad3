extension Catalogue {
    /// xavier-vs-he-relu, zero-init-symmetry, large-init-sigmoid.
    static let initializationReLUClaims: [Claim] = [zeroInitSymmetry, xavierVsHeReLU, largeInitSigmoid]

    /// CLAIMS.md W1.
    public static let zeroInitSymmetry = Claim(
        id: "zero-init-symmetry",
        title: "Constant initialisation never breaks the symmetry",
        statement: "W = 0 or a constant: every neuron of a layer computes and learns the same thing, and the symmetry "
            + "never breaks.",
        source: Claim.Source(
            noteFile: "002_8aec23e415a3563e.txt",
            noteQuote: "0으로 다 초기화해버리면 그 이후 neurons들에 대해 update를 안할 것이고, 1로 다 초기화를 해버리면 같은 "
                + "layer neurons은 동일한 output을 생성할 것이다. (즉, weight를 동일하게 update하며, neurons은 서로 다른 "
                + "feature를 학습하지 못할 것)",
            noteQuoteEnglish: "if everything is initialised to 0 the neurons after it will not be updated; if everything "
                + "is initialised to 1 the neurons of one layer will produce the same output (that is, their weights "
                + "are updated identically and the neurons cannot learn different features)",
            lecture: "CS231n Lecture 6, Weight initialization: \"What happens when W = constant init is used?\"",
            paper: "Goodfellow, Bengio & Courville (2016), Deep Learning §8.4 (initialisation must break symmetry)"),
        expected: .reproduced)

    /// CLAIMS.md W5.
    public static let xavierVsHeReLU = Claim(
        id: "xavier-vs-he-relu",
        title: "Xavier initialisation breaks with ReLU; He initialisation fixes it",
        statement: "With ReLU, Xavier initialisation halves the activation variance at every layer; He/Kaiming "
            + "initialisation (std √(2/fan_in)) keeps it, so deep ReLU nets train.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "### Xavier Initialization … - ReLU와는 같이 쓰면 안됨 … ### He Initialization",
            noteQuoteEnglish: "Xavier initialization … must not be used together with ReLU … He initialization",
            lecture: "CS231n Lecture 6, Weight initialization: \"but when using the ReLU nonlinearity it breaks\"; "
                + "He et al. 2015 (note additional /2)",
            paper: "He, Zhang, Ren & Sun (2015), §2.2 (½·n·Var[w] = 1) and Fig. 3 (30 layers: Xavier stalls)"),
        expected: .reproduced)

    /// CLAIMS.md W6.
    public static let largeInitSigmoid = Claim(
        id: "large-init-sigmoid",
        title: "Large initial weights saturate sigmoid units",
        statement: "N(0, 1) weights on a layer with many inputs push sigmoid units into saturation, where their "
            + "derivative is nearly 0; a standard deviation of 0.1 keeps them in the linear range so learning proceeds.",
        source: Claim.Source(
            noteFile: "004_adfcc9aa19a83863.txt",
            noteQuote: "wx+b값이 커질 경우 sigmoid 함수 적용결과는 대부분 1로 수렴 … 출력값이 1 근처에 모여있을 경우 가중치 "
                + "값이 업데이트되지 않아 학습이 일어나지 않음 … N(0, 0.1)의 경우 … wx+b가 0을 중심으로 -5~5 사이에 분포 "
                + "Sigmoid 함수 출력값이 0.5에 가까워 도함수가 0이 되지 않아 학습이 이루어짐",
            noteQuoteEnglish: "when wx+b grows, the sigmoid's outputs mostly converge to 1 … when the outputs gather "
                + "near 1 the weights are not updated and no learning happens … with N(0, 0.1) … wx+b is spread "
                + "between −5 and 5 around 0; the sigmoid's outputs are near 0.5, its derivative does not vanish, and "
                + "learning takes place",
            lecture: "CS231n Lecture 6, Weight initialization: too-large weights saturate every unit (shown there with "
                + "tanh)",
            paper: "LeCun, Bottou, Orr & Müller (1998), Efficient BackProp §4.6 (weights of std m^(−1/2) keep sigmoid "
                + "units in their linear region)"),
        expected: .reproduced)
}
