import Foundation
import Prompting
import SynthNumerics

/// One laid-out radiograph whose rows are rendered on demand by any number of threads. The
/// masks are filled as rows are rendered; only they (one bit per pixel) are held whole.
public final class PhantomRendering: RowRendering, @unchecked Sendable {
    public let width: Int
    public let height: Int
    /// Measurements as drawn, camelCase keys (e.g. `cardiothoracicRatio`).
    public let measures: [String: Double]
    /// The observations that get a mask, in the order of the mask planes.
    public let maskObservations: [Observation]

    private let renderer: Renderer
    private let scatter: ScatterField
    private let display: Display
    private let wordsPerMask: Int
    /// `maskObservations.count` bit masks, one after another; rows are written by one writer each.
    private let maskWords: UnsafeMutablePointer<UInt64>
    /// Rows whose mask bits are written (guarded by `lock`).
    private var rowDone: [Bool]
    private let lock = NSLock()

    init(renderer: Renderer, scatter: ScatterField, display: Display, maskObservations: [Observation], measures: [String: Double]) {
        self.renderer = renderer
        self.scatter = scatter
        self.display = display
        self.maskObservations = maskObservations
        self.measures = measures
        width = renderer.plan.frame.width
        height = renderer.plan.frame.height
        wordsPerMask = BitMask.wordsPerRow(width: width) * height
        // At least one word, so a render without findings still has a valid pointer.
        let count = max(1, maskObservations.count * wordsPerMask)
        maskWords = .allocate(capacity: count)
        maskWords.initialize(repeating: 0, count: count)
        rowDone = [Bool](repeating: false, count: height)
    }

    deinit { maskWords.deallocate() }

    public func makeRowWriter() -> RowWriter {
        let workspace = renderer.makeWorkspace()
        return { [self] rows, pixels in
            renderer.render(rows: rows, ws: workspace, scatter: scatter, display: display, pixels: pixels, masks: maskWords)
            lock.withLock { for j in rows { rowDone[j] = true } }
        }
    }

    /// The masks, complete: rows that no writer has rendered yet are rendered now.
    public func masks() -> [Observation: BitMask] {
        guard !maskObservations.isEmpty else { return [:] }
        let missing = lock.withLock { rowDone.indices.filter { !rowDone[$0] } }
        if !missing.isEmpty {
            let write = makeRowWriter()
            var discarded = [UInt16](repeating: 0, count: width)
            discarded.withUnsafeMutableBufferPointer { row in
                for j in missing { write(j..<j + 1, row.baseAddress!) }
            }
        }
        var out: [Observation: BitMask] = [:]
        for (k, observation) in maskObservations.enumerated() {
            let words = UnsafeBufferPointer(start: maskWords + k * wordsPerMask, count: wordsPerMask)
            out[observation] = BitMask(width: width, height: height, words: Array(words))
        }
        return out
    }
}
