extension Catalogue {
    /// Activation functions (CLAIMS.md A1–A7).
    static let activationClaims: [Claim] = []

    public static let sigmoidVanishingGradients = Claim(
        id: "sigmoid-vanishing-gradients",
        title: "Sigmoid kills the gradient in deep nets",
        statement: "Saturated sigmoid neurons kill the gradient; the first layers of a deep sigmoid net barely learn.",
        source: Claim.Source(
            noteFile: "001_acd288677dd47413.txt",
            noteQuote: "saturated neurons kill the gradients(값이 조금만 커져도 gradient가 0에 가까운 값을 가짐 -> 기울기 소실)",
            noteQuoteEnglish: "saturated neurons kill the gradients (once the input grows a little the gradient is "
                + "close to 0 → vanishing gradient)",
            lecture: "CS231n Lecture 6, Activation functions: sigmoid, problem 1",
            paper: "Glorot & Bengio (2010), §3.1 and Fig. 2"),
        expected: .reproduced)
}
