import CBLAS
import Dispatch
import Foundation

/// How the tensor ops use the CPU cores.
///
/// Two ways to spread work: let OpenBLAS run each large GEMM on all cores, or run OpenBLAS on one
/// thread and split every op (GEMM, im2col, softmax) across cores with `concurrentPerform`. The
/// second keeps the non-GEMM work parallel too and measured faster for the SD 1.5 shapes on this
/// project's machines, so it is the default.
public enum ComputeThreading {
    /// Where the parallelism lives.
    public enum Strategy: String, Sendable {
        /// OpenBLAS threads inside each GEMM; GEMMs are issued one at a time.
        case blasThreads
        /// OpenBLAS on one thread; this package splits the work across `workers` threads.
        case parallelLoops
    }

    // Set at startup (or by a benchmark between runs), read on every op; a plain word is enough.
    nonisolated(unsafe) private static var current: Strategy = .parallelLoops
    nonisolated(unsafe) private static var workerCount: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Applies the default strategy to OpenBLAS once, before the first GEMM.
    private static let configureOnce: Void = { apply() }()

    /// The strategy in force. Set it before running a model, not while one runs.
    public static var strategy: Strategy {
        get { current }
        set { _ = configureOnce; current = newValue; apply() }
    }

    /// Number of threads the ops use (defaults to the active processor count).
    public static var workers: Int {
        get { workerCount }
        set { _ = configureOnce; workerCount = max(1, newValue); apply() }
    }

    /// Floats of unfolded input (im2col) one worker holds at a time; bounds a convolution's
    /// scratch memory whatever the image size (16 MiB by default).
    nonisolated(unsafe) public static var convolutionScratchFloats = 4 << 20

    /// Floats of attention scores one worker holds at a time, which sets the query chunk
    /// (2 MiB by default: 128 queries against 4096 keys, measured fastest for SD 1.5 at 512²).
    nonisolated(unsafe) public static var attentionScoreFloats = 1 << 19

    /// Makes sure OpenBLAS has been told the thread count; called by every GEMM.
    @inline(__always)
    static func ensureConfigured() { _ = configureOnce }

    private static func apply() {
        openblas_set_num_threads(Int32(current == .blasThreads ? workerCount : 1))
    }
}

/// Runs `body(i)` for `i` in `0..<count`, on all workers when the strategy splits work itself
/// and `count > 1`; in order on the calling thread otherwise.
@inline(__always)
func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    if count > 1 && ComputeThreading.workers > 1 {
        // The work items write disjoint parts of buffers the caller owns for the whole call;
        // concurrentPerform returns only after every item has run, so nothing escapes.
        withoutActuallyEscaping(body) { escapable in
            let shared = UncheckedSendable(escapable)
            DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
        }
    } else {
        for i in 0..<count { body(i) }
    }
}

/// Splits `0..<total` into contiguous ranges of at least `grain` items, about a few per worker,
/// and runs `body` on each in parallel. Element-wise ops use it whatever the strategy, because
/// OpenBLAS threads never help them.
@inline(__always)
func parallelRanges(_ total: Int, grain: Int = 16_384, _ body: (Range<Int>) -> Void) {
    guard total > 0 else { return }
    let workers = ComputeThreading.workers
    let pieces = min(max(1, total / max(1, grain)), workers * 4)
    if pieces <= 1 || workers <= 1 {
        body(0..<total)
        return
    }
    let step = (total + pieces - 1) / pieces
    parallelFor(pieces) { p in
        let lo = p * step
        let hi = min(total, lo + step)
        if lo < hi { body(lo..<hi) }
    }
}

/// Carries a closure into `concurrentPerform`, whose work items only touch disjoint memory.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
