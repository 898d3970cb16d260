import Foundation

/// The few NumPy routines diffusers' schedulers call, reproduced with NumPy's own
/// float64 arithmetic so timesteps and sigmas come out identical, not just close.
enum NumpyCompat {
    /// `np.linspace(start, stop, count)` (endpoint included): `i * step + start`, the last value set to `stop`.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        guard count > 0 else { return [] }
        guard count > 1 else { return [start] }
        let divisions = Double(count - 1)
        let delta = stop - start
        let step = delta / divisions
        var values = (0..<count).map { i -> Double in
            // NumPy divides first when the step underflows to zero.
            let scaled = step == 0 ? Double(i) / divisions * delta : Double(i) * step
            return scaled + start
        }
        values[count - 1] = stop
        return values
    }

    /// `np.arange(start, stop, step)` for a float step: the length is `ceil((stop - start) / step)`,
    /// and every value after the first two is `start + i * (second - start)`, as NumPy fills it.
    static func arange(_ start: Double, _ stop: Double, _ step: Double) -> [Double] {
        let length = Int(max(0, ((stop - start) / step).rounded(.up)))
        guard length > 0 else { return [] }
        guard length > 1 else { return [start] }
        let second = start + step
        let delta = second - start
        var values = [start, second]
        values.reserveCapacity(length)
        for i in 2..<length {
            values.append(start + Double(i) * delta)
        }
        return values
    }

    /// `np.round` / `np.rint`: halves go to the even neighbour.
    static func round(_ values: [Double]) -> [Double] {
        values.map { $0.rounded(.toNearestOrEven) }
    }

    /// `np.interp(x, np.arange(len(table)), table)`: linear interpolation on the integer grid
    /// with NumPy's slope form `slope * (x - x_j) + y_j` and its edge rules.
    static func interpolateOnIndexGrid(_ x: [Double], table: [Double]) -> [Double] {
        precondition(!table.isEmpty)
        let last = table.count - 1
        return x.map { value -> Double in
            if value.isNaN { return value }
            if value < 0 { return table[0] }
            if value > Double(last) { return table[last] }
            let j = Int(value.rounded(.down))
            if j >= last { return table[last] }
            if Double(j) == value { return table[j] }
            let slope = (table[j + 1] - table[j]) / (Double(j + 1) - Double(j))
            var result = slope * (value - Double(j)) + table[j]
            if result.isNaN {
                result = slope * (value - Double(j + 1)) + table[j + 1]
                if result.isNaN && table[j] == table[j + 1] { result = table[j] }
            }
            return result
        }
    }
}
