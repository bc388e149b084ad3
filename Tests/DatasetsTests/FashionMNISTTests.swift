import Foundation
import Testing
@testable import Datasets
import NeuralEngine

/// The installed data set, loaded once for the whole suite (a static `let` is initialised lazily and once).
enum InstalledFashionMNIST {
    static let directory = FashionMNIST.resolveDirectory().path
    static let isAvailable = FileManager.default.fileExists(
        atPath: (directory as NSString).appendingPathComponent("train-images-idx3-ubyte.gz"))
    static let loaded = Result { () throws(DatasetError) in try FashionMNIST.load(Float.self) }

    static func file(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
}

@Suite("Fashion-MNIST as installed",
       .enabled(if: InstalledFashionMNIST.isAvailable,
                "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist, or set FASHION_MNIST_DIR"))
struct FashionMNISTTests {
    @Test("60,000 training and 10,000 test examples of 784 features in [0, 1]")
    func shapesAndRange() throws {
        let (train, test) = try InstalledFashionMNIST.loaded.get()
        #expect(train.features.shape == (60_000, 784) && train.count == 60_000)
        #expect(test.features.shape == (10_000, 784) && test.count == 10_000)
        #expect(train.classCount == 10 && test.classCount == 10)
        for part in [train, test] {
            #expect(part.features.scalars.min()! == 0)
            #expect(part.features.scalars.max()! == 1)
        }
    }

    /// The data set's README: "each class has 6,000 training and 1,000 test examples".
    @Test("6,000 training and 1,000 test examples per class")
    func balancedClasses() throws {
        let (train, test) = try InstalledFashionMNIST.loaded.get()
        #expect(train.classCounts() == Array(repeating: 6_000, count: 10))
        #expect(test.classCounts() == Array(repeating: 1_000, count: 10))
    }

    /// Oracle: the labels file decompressed by the system's gzip; its payload starts at byte 8 (magic + count).
    @Test("labels equal the file's bytes, the first training label being 9 (Ankle boot)")
    func labelsMatchFileBytes() throws {
        let (train, test) = try InstalledFashionMNIST.loaded.get()
        let trainBytes = try gunzip(InstalledFashionMNIST.file("train-labels-idx1-ubyte.gz"))
        #expect(trainBytes[8] == 9)
        #expect(train.labels[0] == 9)
        #expect(FashionMNIST.classNames[train.labels[0]] == "Ankle boot")
        #expect(train.labels == trainBytes.dropFirst(8).map(Int.init))
        let testBytes = try gunzip(InstalledFashionMNIST.file("t10k-labels-idx1-ubyte.gz"))
        #expect(test.labels == testBytes.dropFirst(8).map(Int.init))
    }

    /// Oracle: the test images file decompressed by the system's gzip; pixels start at byte 16.
    @Test("test features equal the file's pixels / 255")
    func pixelsMatchFileBytes() throws {
        let (_, test) = try InstalledFashionMNIST.loaded.get()
        let bytes = try gunzip(InstalledFashionMNIST.file("t10k-images-idx3-ubyte.gz"))
        #expect(bytes.count == 16 + 10_000 * 784)
        #expect(test.features.scalars == bytes.dropFirst(16).map { Float($0) / 255 })
    }

    @Test("a prefix load equals the prefix of the full load")
    func prefixLoad() throws {
        let (train, test) = try InstalledFashionMNIST.loaded.get()
        let (smallTrain, smallTest) = try FashionMNIST.load(Float.self, trainingLimit: 500, testLimit: 100)
        #expect(smallTrain == train.prefix(500))
        #expect(smallTest == test.prefix(100))
    }
}
