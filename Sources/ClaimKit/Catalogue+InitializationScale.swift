extension Catalogue {
    /// init-scale-tanh, xavier-normal-formula.
    static let initializationScaleClaims: [Claim] = [initScaleTanh, xavierNormalFormula]

    public static let initScaleTanh = Claim(
        id: "init-scale-tanh",
        title: "Too small or too large an init breaks a deep tanh net; Xavier keeps it healthy",
        statement: "In a deep tanh net (10 layers of 500), weights of std 0.01 make the activations collapse to 0 layer "
            + "by layer, weights of std 1 saturate them at ±1, and Xavier's 1/√fan_in keeps them healthy.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "W: small? (tahn 기준) … 첫 층 결과만 잘 나오고 층을 지날 수록 activation output이 모두 0에 "
                + "가까워짐(분산 -> 0) … W: big? activation output이 -1과 1에 쏠려버림",
            noteQuoteEnglish: "W small? (for tanh) … only the first layer's outputs look right; layer after layer the "
                + "activation outputs all approach 0 (variance → 0) … W big? the activation outputs pile up at −1 "
                + "and 1",
            lecture: "CS231n Lecture 6, Weight initialization: activation statistics (10-layer tanh net, "
                + "W = 0.01·randn, 1.0·randn, randn/√fan_in)",
            paper: "Glorot & Bengio (2010), §4.2 and Fig. 6; LeCun et al. (1998), \"Efficient BackProp\" §4.6"),
        expected: .reproduced)

    public static let xavierNormalFormula = Claim(
        id: "xavier-normal-formula",
        title: "The notes' Xavier normal std √(3/(in+out)) is not Xavier's",
        statement: "Xavier (Glorot) initialisation draws W from a normal distribution with std √(3/(fan_in+fan_out)), "
            + "or uniformly from ±√(6/(fan_in+fan_out)), so that activation variance is preserved from layer to layer.",
        source: Claim.Source(
            noteFile: "004_adfcc9aa19a83863.txt",
            noteQuote: "Xavier … 데이터의 특성(입력과 출력 노드의 수)를 이용한 초기화 - 1. 정규분포 표준편차 = "
                + "$\\sqrt{3.0 / (input + output)}$ - 2. uniform 분포-range ~ +range 사이로 랜덤 초기화 range = "
                + "$\\sqrt{6.0 / (input + output)}$",
            noteQuoteEnglish: "Xavier … an initialisation that uses the data's characteristics (the numbers of input "
                + "and output nodes): 1. normal distribution, standard deviation = √(3.0/(input + output)); "
                + "2. uniform distribution, random values between −range and +range, range = √(6.0/(input + output))",
            lecture: "CS231n Lecture 6, Weight initialization: Xavier initialization",
            paper: "Glorot & Bengio (2010), §4.2.1, eq. 12 (Var W = 2/(n_in+n_out)) and eq. 16 (U[±√6/√(n_in+n_out)])"),
        expected: .notReproduced)
}
