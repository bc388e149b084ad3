import CBLAS

// The only file that calls OpenBLAS (cblas_* and LAPACK). Everything else goes through `EngineScalar.gemm`.

extension Float {
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    public static func symmetricEigen(n: Int, a: UnsafeMutablePointer<Float>,
                                      eigenvalues: UnsafeMutablePointer<Float>) -> Int {
        // Row-major symmetric A is its own transpose, so LAPACK (column-major) sees the same matrix; the eigenvectors
        // it writes as columns are rows when read back row-major.
        var jobz = Int8(UInt8(ascii: "V")), uplo = Int8(UInt8(ascii: "U"))
        var size = Int32(n), lda = Int32(max(1, n)), info: Int32 = 0, lwork: Int32 = -1
        var query: Float = 0
        ssyev_(&jobz, &uplo, &size, a, &lda, eigenvalues, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Float](repeating: 0, count: Int(lwork))
        ssyev_(&jobz, &uplo, &size, a, &lda, eigenvalues, &work, &lwork, &info)
        return Int(info)
    }
}

extension Double {
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    public static func symmetricEigen(n: Int, a: UnsafeMutablePointer<Double>,
                                      eigenvalues: UnsafeMutablePointer<Double>) -> Int {
        var jobz = Int8(UInt8(ascii: "V")), uplo = Int8(UInt8(ascii: "U"))
        var size = Int32(n), lda = Int32(max(1, n)), info: Int32 = 0, lwork: Int32 = -1
        var query: Double = 0
        dsyev_(&jobz, &uplo, &size, a, &lda, eigenvalues, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Int(lwork))
        dsyev_(&jobz, &uplo, &size, a, &lda, eigenvalues, &work, &lwork, &info)
        return Int(info)
    }
}

/// OpenBLAS's worker threads. Results of `sgemm` are bit-identical across runs only at a fixed thread count, so every
/// experiment pins it (1 by default) before computing.
public enum BLASThreads {
    /// Sets the number of threads OpenBLAS uses from now on.
    public static func pin(_ count: Int) {
        precondition(count >= 1, "BLASThreads.pin: thread count must be at least 1, got \(count)")
        openblas_set_num_threads(Int32(count))
    }
    /// The number of threads OpenBLAS currently uses.
    public static var count: Int { Int(openblas_get_num_threads()) }
    /// OpenBLAS's build description, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64".
    public static var configuration: String { String(cString: openblas_get_config()) }
    /// The kernel OpenBLAS chose for this CPU, e.g. "Haswell": results are bit-identical only on one kernel.
    public static var kernel: String { String(cString: openblas_get_corename()) }
    /// "OpenBLAS 0.3.21, Haswell kernel", for report footers.
    public static var versionAndKernel: String {
        configuration.split(separator: " ").prefix(2).joined(separator: " ") + ", \(kernel) kernel"
    }
}
