import Foundation
import Testing
@testable import Datasets
import NeuralEngine

/// The loader on small hand-made files in a temporary directory: checks that need no installed data set.
@Suite("Fashion-MNIST loader on synthetic files")
struct FashionMNISTLoaderTests {
    /// Writes a fake `part` (images n×rows×columns from `pixels`, and `labels`) into `folder`.
    func writePart(_ part: FashionMNIST.Part, in folder: TemporaryDirectory, pixels: [UInt8], imageCount: Int,
                   size: (Int, Int) = (28, 28), labels: [UInt8]) throws {
        try writeGzip(idxBytes(magic: 0x0000_0803, dimensions: [imageCount, size.0, size.1], payload: pixels),
                      to: folder.file(String(part.imagesFileName.dropLast(3))))
        try writeGzip(idxBytes(magic: 0x0000_0801, dimensions: [labels.count], payload: labels),
                      to: folder.file(String(part.labelsFileName.dropLast(3))))
    }

    @Test("features are pixel / 255 row by row and labels are the label bytes")
    func loadsFakeFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let pixels = randomBytes(3 * 784, seed: 11)
        let labels: [UInt8] = [9, 0, 4]
        try writePart(.test, in: folder, pixels: pixels, imageCount: 3, labels: labels)

        let doubles = try FashionMNIST.load(Double.self, part: .test, directory: folder.path)
        #expect(doubles.features.shape == (3, 784))
        #expect(doubles.labels == [9, 0, 4])
        #expect(doubles.classCount == 10)
        #expect(doubles.features.scalars == pixels.map { Double($0) / 255 })

        let floats = try FashionMNIST.load(Float.self, part: .test, directory: folder.path, limit: 2)
        #expect(floats.count == 2)
        #expect(floats.features.scalars == pixels.prefix(2 * 784).map { Float($0) / 255 })
    }

    @Test("a label of 10 or more throws labelOutOfRange with its index")
    func labelOutOfRange() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try writePart(.training, in: folder, pixels: randomBytes(3 * 784, seed: 1), imageCount: 3, labels: [1, 10, 2])
        let error = #expect(throws: DatasetError.self) {
            try FashionMNIST.load(Float.self, part: .training, directory: folder.path)
        }
        #expect(error == .labelOutOfRange(path: folder.file(FashionMNIST.Part.training.labelsFileName), index: 1,
                                          label: 10, classCount: 10))
        #expect(try #require(error).description.contains("outside 0..<10"))
    }

    @Test("images and labels files that disagree on N throw countMismatch")
    func countMismatch() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try writePart(.training, in: folder, pixels: randomBytes(3 * 784, seed: 1), imageCount: 3, labels: [1, 2])
        let error = #expect(throws: DatasetError.self) {
            try FashionMNIST.load(Float.self, part: .training, directory: folder.path)
        }
        guard case .countMismatch(_, 3, _, 2) = try #require(error) else {
            Issue.record("expected countMismatch(3 images, 2 labels), got \(String(describing: error))")
            return
        }
    }

    @Test("images that are not 28×28 throw unexpectedImageSize")
    func wrongImageSize() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try writePart(.test, in: folder, pixels: randomBytes(2 * 16, seed: 1), imageCount: 2, size: (4, 4),
                      labels: [1, 2])
        let error = #expect(throws: DatasetError.self) {
            try FashionMNIST.load(Float.self, part: .test, directory: folder.path)
        }
        #expect(error == .unexpectedImageSize(path: folder.file(FashionMNIST.Part.test.imagesFileName),
                                              expected: [28, 28], found: [4, 4]))
    }

    @Test("a missing directory throws directoryNotFound saying how to install or point at the data")
    func missingDirectory() throws {
        let path = "/nonexistent/fashion-mnist-\(UUID().uuidString)"
        let error = #expect(throws: DatasetError.self) { try FashionMNIST.load(Float.self, directory: path) }
        #expect(error == .directoryNotFound(path: path, source: "from the directory parameter"))
        let message = try #require(error).description
        #expect(message.contains(path) && message.contains("apt-get install dataset-fashion-mnist")
                && message.contains("FASHION_MNIST_DIR"))
    }

    @Test("a directory without the files throws fileNotFound for the first one needed")
    func missingFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let error = #expect(throws: DatasetError.self) { try FashionMNIST.load(Float.self, directory: folder.path) }
        #expect(error == .fileNotFound(path: folder.file("train-labels-idx1-ubyte.gz")))
    }

    @Test("the directory parameter wins over the environment variable, which wins over the default")
    func directoryPrecedence() {
        let environment = ["FASHION_MNIST_DIR": "/from/environment"]
        #expect(FashionMNIST.resolveDirectory("/from/parameter", environment: environment).path == "/from/parameter")
        #expect(FashionMNIST.resolveDirectory(nil, environment: environment).path == "/from/environment")
        #expect(FashionMNIST.resolveDirectory(nil, environment: [:]).path == "/usr/share/datasets/fashion-mnist")
        #expect(FashionMNIST.resolveDirectory(nil, environment: ["FASHION_MNIST_DIR": ""]).path
                == "/usr/share/datasets/fashion-mnist")
    }

    @Test("class names follow the data set's README")
    func classNames() {
        #expect(FashionMNIST.classNames.count == 10)
        #expect(FashionMNIST.classNames.first == "T-shirt/top")
        #expect(FashionMNIST.classNames[9] == "Ankle boot")
    }
}
