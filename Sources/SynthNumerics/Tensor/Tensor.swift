import Foundation

/// A dense Float32 tensor: contiguous, row-major, the last dimension fastest.
///
/// Images are NCHW and token sequences are [batch, tokens, features], as in PyTorch, so
/// weights and reference data from Python line up element for element.
public struct Tensor: Sendable, Equatable {
    /// Extent of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `storage.count` is the product of `shape`.
    public var storage: [Float]

    /// A tensor over existing elements; `storage.count` must equal the product of `shape`.
    public init(shape: [Int], storage: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(Self.elementCount(shape) == storage.count,
                     "shape \(shape) needs \(Self.elementCount(shape)) elements, got \(storage.count)")
        self.shape = shape
        self.storage = storage
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(shape: shape, storage: [Float](repeating: 0, count: Self.elementCount(shape)))
    }

    /// A tensor of one repeated value.
    public init(shape: [Int], repeating value: Float) {
        self.init(shape: shape, storage: [Float](repeating: value, count: Self.elementCount(shape)))
    }

    /// A tensor whose elements `fill` writes; it must write every one of them.
    /// Skips the zero-fill a plain allocation would do, which matters for large activations.
    public init(shape: [Int], fill: (UnsafeMutableBufferPointer<Float>) -> Void) {
        let count = Self.elementCount(shape)
        self.shape = shape
        self.storage = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
    }

    /// Number of elements.
    public var count: Int { storage.count }

    /// Number of dimensions.
    public var rank: Int { shape.count }

    /// The same elements under another shape with the same element count; one dimension may be -1.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let hole = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != hole }.reduce(1) { $0 * $1.element }
            precondition(known > 0 && count % known == 0, "cannot reshape \(shape) to \(newShape)")
            resolved[hole] = count / known
        }
        var copy = self
        precondition(Self.elementCount(resolved) == count, "cannot reshape \(shape) to \(newShape)")
        copy.shape = resolved
        return copy
    }

    /// Product of the dimensions: the element count of a tensor of that shape.
    @inlinable
    public static func elementCount(_ shape: [Int]) -> Int { shape.reduce(1, *) }
}

extension Tensor: CustomStringConvertible {
    /// Shape and the first few elements, for test failures and logs.
    public var description: String {
        let head = storage.prefix(6).map { String(format: "%.5g", $0) }.joined(separator: ", ")
        return "Tensor(\(shape), [\(head)\(count > 6 ? ", …" : "")])"
    }
}

/// The largest absolute element-wise difference of two tensors of the same shape.
public func maxAbsDifference(_ a: Tensor, _ b: Tensor) -> Float {
    precondition(a.shape == b.shape, "shapes differ: \(a.shape) vs \(b.shape)")
    var worst: Float = 0
    a.storage.withUnsafeBufferPointer { pa in
        b.storage.withUnsafeBufferPointer { pb in
            for i in 0..<pa.count {
                let d = abs(pa[i] - pb[i])
                // A NaN anywhere must fail a comparison, not vanish in max().
                if d.isNaN { worst = .nan; return }
                worst = max(worst, d)
            }
        }
    }
    return worst
}
