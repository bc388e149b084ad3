import NeuralEngine

extension FashionMNIST {
    /// The experiments' default inputs (CLAIMS.md's convention): the first `limit` training images, standardised by
    /// one scalar mean and standard deviation fitted on those images, x ↦ (x − μ)/σ.
    public static func standardizedTraining<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, limit: Int?, directory: String? = nil
    ) throws(DatasetError) -> LabeledDataset<Scalar> {
        try standardized(scalar, trainingLimit: limit, testLimit: nil, directory: directory).training
    }

    /// The first `trainingLimit` training images and, unless `testLimit` is nil, the first `testLimit` test images,
    /// both standardised by one scalar mean and standard deviation fitted on the training images only.
    public static func standardized<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, trainingLimit: Int?, testLimit: Int?, directory: String? = nil
    ) throws(DatasetError) -> (training: LabeledDataset<Scalar>, test: LabeledDataset<Scalar>?) {
        let training = try load(scalar, part: .training, directory: directory, limit: trainingLimit)
        let test = try testLimit.map { limit throws(DatasetError) in
            try load(scalar, part: .test, directory: directory, limit: limit)
        }
        let standardization = ScalarStandardization.fit(training.features)
        return (training.mappingFeatures { standardization.apply($0) },
                test.map { $0.mappingFeatures { standardization.apply($0) } })
    }
}
