import Datasets
import Foundation
import NeuralEngine

/// `make bench`: times one epoch of the 784-256-256-10 ReLU MLP on Fashion-MNIST (He init, SGD momentum 0.9,
/// lr 0.05, batch 128) and its BatchNorm variant, excluding data loading, at a pinned BLAS thread count; prints
/// GFLOP/s against the measured sgemm peak, and each peer's times for the same epoch at the same thread count, best of
/// `--epochs`: numpy CS231n-style and careful (numpy_epoch.py), PyTorch CPU (torch_epoch.py, when torch imports).
///
///     engine-epoch [--threads 1] [--epochs 3] [--peer benchmarks/peers/numpy_epoch.py] [--peer …/torch_epoch.py]
@main
struct EngineEpoch {
    static func main() throws {
        var threads = 1, epochs = 3, peers: [String] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let flag = arguments.popFirst() {
            switch flag {
            case "--threads": threads = Int(arguments.popFirst() ?? "") ?? 0
            case "--epochs": epochs = Int(arguments.popFirst() ?? "") ?? 0
            case "--peer": peers += arguments.popFirst().map { [$0] } ?? []
            default:
                FileHandle.standardError.write(Data("engine-epoch: unknown argument '\(flag)'; use --threads N, --epochs N, --peer FILE\n".utf8))
                exit(2)
            }
        }
        guard threads >= 1, epochs >= 1 else {
            FileHandle.standardError.write(Data("engine-epoch: --threads and --epochs need a positive integer\n".utf8))
            exit(2)
        }
        BLASThreads.pin(threads)
        setenv("OPENBLAS_NUM_THREADS", "\(threads)", 1)
        print("OpenBLAS: \(BLASThreads.configuration); threads: \(BLASThreads.count)")

        let peak = sgemmPeak()
        print(String(format: "sgemm peak (best of MLP shapes): %.1f GFLOP/s", peak))

        let (training, test) = try FashionMNIST.load(Float.self)
        var results: [(String, Double)] = []
        for batchNorm in [false, true] {
            let name = batchNorm ? "mlp+batchnorm" : "mlp"
            let (best, accuracy) = timeEpochs(training: training, test: test, batchNorm: batchNorm, epochs: epochs)
            let flops = epochFlops(examples: training.count, batch: 128)
            print(String(format: "swift %@: best epoch %.3f s over %d epochs, %.1f GFLOP/s (%.0f%% of sgemm peak; floor %.3f s), test accuracy %.4f",
                         name, best, epochs, flops / best / 1e9, 100 * flops / best / 1e9 / peak, flops / (peak * 1e9), accuracy))
            results.append((name, best))
        }
        for peer in peers {
            let output = runPeer(peer, threads: threads, epochs: epochs)
            print(output, terminator: "")
            // One ratio per peer style ("numpy" CS231n-style, "numpy-careful", "torch"); below 1 the engine is faster.
            for peerName in ["numpy", "numpy-careful", "torch"] {
                for (name, seconds) in results {
                    if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("\(peerName) \(name):") }),
                       let range = line.range(of: "best epoch "),
                       let peerSeconds = Double(line[range.upperBound...].split(separator: " ")[0]) {
                        print(String(format: "ratio %@: swift/%@ = %.2f", name, peerName, seconds / peerSeconds))
                    }
                }
            }
        }
    }

    /// FLOPs of one epoch: forward 2n·Σ fan_in·fan_out, weight gradients the same, input gradients for all but the
    /// first layer (the data needs none). Elementwise work is not counted.
    static func epochFlops(examples: Int, batch: Int) -> Double {
        let layers = [(784, 256), (256, 256), (256, 10)]
        let macs = Double(layers.reduce(0) { $0 + $1.0 * $1.1 })
        let inputGradientMacs = Double(layers.dropFirst().reduce(0) { $0 + $1.0 * $1.1 })
        return 2 * Double(examples) * (2 * macs + inputGradientMacs)
    }

    /// Best sgemm GFLOP/s over the MLP's product shapes (forward, weight gradient, input gradient).
    static func sgemmPeak() -> Double {
        var rng = SeededGenerator(seed: 1)
        let shapes = [(128, 784, 256), (128, 256, 256), (784, 128, 256), (256, 128, 256)]
        var best = 0.0
        for (m, k, n) in shapes {
            let a = Tensor<Float>.normal(rows: m, columns: k, using: &rng)
            let b = Tensor<Float>.normal(rows: k, columns: n, using: &rng)
            var sink: Float = 0
            for _ in 0..<3 {
                let reps = 200
                let start = DispatchTime.now().uptimeNanoseconds
                for _ in 0..<reps { sink += Tensor.matmul(a, b).scalars[0] }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = max(best, 2 * Double(m * k * n * reps) / seconds / 1e9)
            }
            if sink.isNaN { print("") }
        }
        return best
    }

    static func timeEpochs(training: LabeledDataset<Float>, test: LabeledDataset<Float>, batchNorm: Bool,
                           epochs: Int) -> (best: Double, accuracy: Double) {
        var rng = SeededGenerator(seed: 0)
        let network = Sequential<Float>.mlp(sizes: [784, 256, 256, 10], activation: .relu, initializer: .heNormal,
                                            normalization: batchNorm ? .batch : nil, using: &rng)
        let optimizer = Momentum<Float>(learningRate: 0.05, momentum: 0.9)
        var best = Double.infinity
        for _ in 0..<epochs {
            let start = DispatchTime.now().uptimeNanoseconds
            for batch in training.batches(size: 128, using: &rng) {
                network.trainStep(batch.features, labels: batch.labels, optimizer: optimizer)
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (best, accuracy(network.predict(test.features), labels: test.labels))
    }

    static func runPeer(_ path: String, threads: Int, epochs: Int) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path, "--epochs", "\(epochs)"]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "\(threads)"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return "peer \(path): could not start python3 (\(error))\n" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
