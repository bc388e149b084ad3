import Foundation
import NeuralEngine

/// Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017, arXiv:1708.07747): 28×28 grey-scale images of clothing in 10 classes,
/// 60,000 for training and 10,000 for testing, 6,000 and 1,000 per class. Read from the four gzip IDX files of Debian's
/// `dataset-fashion-mnist` package (or of the original download: the same file names).
///
///     let (train, test) = try FashionMNIST.load(Float.self)              // 60000×784 and 10000×784 in [0, 1]
///     let quick = try FashionMNIST.load(Float.self, trainingLimit: 5000, testLimit: 1000)
///
/// Features are pixel / 255, so every entry lies in [0, 1]; preprocess them with a value fitted on the training set
/// (e.g. `ScalarStandardization`).
public enum FashionMNIST {
    /// The class names, indexed by label (from the data set's README).
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    /// K = 10.
    public static let classCount = 10
    /// Images are 28×28 pixels.
    public static let imageSize = (rows: 28, columns: 28)
    /// D = 28 · 28 = 784 features per example.
    public static let featureCount = 784
    /// Examples in the full training file.
    public static let trainingCount = 60_000
    /// Examples in the full test file.
    public static let testCount = 10_000

    /// Where Debian's `dataset-fashion-mnist` installs the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    /// The environment variable that overrides `defaultDirectory`.
    public static let environmentVariable = "FASHION_MNIST_DIR"

    /// The two halves of the data set, as stored in their files.
    public enum Part: String, Sendable, CaseIterable {
        case training = "train"
        case test = "t10k"

        /// `train-images-idx3-ubyte.gz` or `t10k-images-idx3-ubyte.gz`.
        public var imagesFileName: String { "\(rawValue)-images-idx3-ubyte.gz" }
        /// `train-labels-idx1-ubyte.gz` or `t10k-labels-idx1-ubyte.gz`.
        public var labelsFileName: String { "\(rawValue)-labels-idx1-ubyte.gz" }
    }

    /// The directory to read from, and where that choice came from: `directory` if given, else the environment
    /// variable `FASHION_MNIST_DIR` if set and non-empty, else `defaultDirectory`.
    public static func resolveDirectory(_ directory: String? = nil,
                                        environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (path: String, source: String) {
        if let directory { return (directory, "from the directory parameter") }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return (fromEnvironment, "from \(environmentVariable)")
        }
        return (defaultDirectory, "the default")
    }

    /// Loads the training and test sets (see `load(_:part:directory:limit:)`).
    /// `trainingLimit` and `testLimit` read only that many leading examples of each (nil: all).
    public static func load<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, directory: String? = nil,
        trainingLimit: Int? = nil, testLimit: Int? = nil
    ) throws(DatasetError) -> (training: LabeledDataset<Scalar>, test: LabeledDataset<Scalar>) {
        (try load(scalar, part: .training, directory: directory, limit: trainingLimit),
         try load(scalar, part: .test, directory: directory, limit: testLimit))
    }

    /// Loads one part: features N×784 with entry (i, 28·r + c) = pixel (r, c) of image i / 255, labels in 0..<10.
    ///
    /// `directory` wins over the environment variable, which wins over `defaultDirectory`. With `limit`, only the
    /// first `min(limit, N)` examples are decompressed (cheap quick modes); without, each file's payload length must
    /// match its header exactly. Both files must agree on N, images must be 28×28 and every label must be in 0..<10;
    /// otherwise a `DatasetError` says what is wrong and how to fix it.
    public static func load<Scalar: EngineScalar>(
        _ scalar: Scalar.Type = Scalar.self, part: Part, directory: String? = nil, limit: Int? = nil
    ) throws(DatasetError) -> LabeledDataset<Scalar> {
        let (folder, source) = resolveDirectory(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryNotFound(path: folder, source: source)
        }
        let imagesPath = (folder as NSString).appendingPathComponent(part.imagesFileName)
        let labelsPath = (folder as NSString).appendingPathComponent(part.labelsFileName)

        let labelsFile = try IDXFile.read(labelsPath, kind: .labels, limit: limit)
        let imagesFile = try IDXFile.read(imagesPath, kind: .images, limit: limit)
        guard imagesFile.dimensions[0] == labelsFile.dimensions[0] else {
            throw .countMismatch(imagesPath: imagesPath, images: imagesFile.dimensions[0],
                                 labelsPath: labelsPath, labels: labelsFile.dimensions[0])
        }
        let expectedSize = [imageSize.rows, imageSize.columns]
        guard Array(imagesFile.dimensions.dropFirst()) == expectedSize else {
            throw .unexpectedImageSize(path: imagesPath, expected: expectedSize,
                                       found: Array(imagesFile.dimensions.dropFirst()))
        }
        if let bad = labelsFile.bytes.firstIndex(where: { Int($0) >= classCount }) {
            throw .labelOutOfRange(path: labelsPath, index: bad, label: Int(labelsFile.bytes[bad]),
                                   classCount: classCount)
        }
        let features: Tensor<Scalar> = scaledPixels(imagesFile.bytes, rows: imagesFile.itemCount,
                                                    columns: featureCount)
        return LabeledDataset(features: features, labels: labelsFile.bytes.map(Int.init), classCount: classCount)
    }

    /// The rows×columns tensor of `pixels[i] / 255`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func scaledPixels<Scalar: EngineScalar>(_ pixels: [UInt8], rows: Int, columns: Int) -> Tensor<Scalar> {
        precondition(pixels.count == rows * columns, "FashionMNIST: \(pixels.count) pixels for \(rows)×\(columns)")
        return Tensor(rows: rows, columns: columns) { out in
            pixels.withUnsafeBufferPointer { p in
                for i in 0..<out.count { out[i] = Scalar(p[i]) / 255 }
            }
        }
    }
}
