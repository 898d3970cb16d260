import Dispatch
import Foundation
import Phantom
import Prompting
import SynthNumerics

// The phantom generator alone, for `make bench` (scripts/bench.sh):
//   phantom-bench SIZE RUNS "PROMPT"
// Lays out and renders every row of a SIZE² image RUNS times on all cores, in bands whose
// pixels are dropped (as a streaming encoder drops them once written), and finishes the
// masks. Prints one JSON line: the median and every run's seconds, and the peak resident
// memory of this process, which stays bounded when nothing holds the whole image.

let arguments = CommandLine.arguments
guard arguments.count == 4, let size = Int(arguments[1]), let runs = Int(arguments[2]), runs > 0 else {
    FileHandle.standardError.write(Data("usage: phantom-bench SIZE RUNS PROMPT\n".utf8))
    exit(2)
}
let reading = ClinicalParser.parse(arguments[3])

func renderOnce() -> Double {
    let start = DispatchTime.now()
    let rendering = PhantomGenerator.prepare(reading: reading, seed: 1, width: size, height: size)
    let bandRows = 64
    let bands = (size + bandRows - 1) / bandRows
    DispatchQueue.concurrentPerform(iterations: bands) { band in
        let rows = band * bandRows ..< min(size, (band + 1) * bandRows)
        var pixels = [UInt16](repeating: 0, count: rows.count * size)
        pixels.withUnsafeMutableBufferPointer { rendering.makeRowWriter()(rows, $0.baseAddress!) }
    }
    _ = rendering.masks()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

let seconds = (0..<runs).map { _ in renderOnce() }
var usage = rusage()
getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
let median = seconds.sorted()[seconds.count / 2]
let runsText = seconds.map { String(format: "%.4f", $0) }.joined(separator: ", ")
print("{\"size\": \(size), \"median_s\": \(String(format: "%.4f", median)), \"runs_s\": [\(runsText)], \"peak_kib\": \(usage.ru_maxrss)}")
