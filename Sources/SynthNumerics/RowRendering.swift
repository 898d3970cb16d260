import Dispatch

/// A 16-bit grayscale image whose rows are computed on demand, in any order and on any
/// thread, the same rows always giving the same values. Streaming encoders pull rows from it,
/// so an image of any size never has to exist whole in memory.
public protocol RowRendering: AnyObject, Sendable {
    var width: Int { get }
    var height: Int { get }
    /// A writer for one thread, which may keep scratch memory between its calls.
    func makeRowWriter() -> RowWriter
}

/// Fills the full-width rows `rows` into `pixels`, `width` samples per row, row after row.
public typealias RowWriter = (_ rows: Range<Int>, _ pixels: UnsafeMutablePointer<UInt16>) -> Void

extension RowRendering {
    /// Every row, in memory, rendered in bands on all cores: for small images and tests.
    public func materialize() -> GrayImage16 {
        let w = width, h = height
        var pixels = [UInt16](repeating: 0, count: w * h)
        let bandRows = 64
        pixels.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeSendablePointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: (h + bandRows - 1) / bandRows) { band in
                let rows = band * bandRows ..< min(h, (band + 1) * bandRows)
                makeRowWriter()(rows, base.pointer + rows.lowerBound * w)
            }
        }
        return GrayImage16(width: w, height: h, pixels: pixels)
    }
}

/// A pointer handed to concurrent workers that write disjoint parts of its memory.
public struct UnsafeSendablePointer<T>: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<T>
    public init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
