import CBLAS
import Diffusion
import Foundation
import SynthNumerics

// Release-mode benchmarks of the diffusion runtime at Stable Diffusion 1.5's shapes (run by
// `make bench` through scripts/bench-diffusion.sh):
//   diffusion-bench gemm | conv | attn | ops | vae | unet [unet-folder] | all
// STRATEGY=parallelLoops|blasThreads picks one threading strategy (default: both in turn);
// REPS=n sets the UNet repetitions.
// Every mode measures raw sgemm 1024³ first so figures from a loaded machine can be compared.

func now() -> Double { Date().timeIntervalSinceReferenceDate }
func rnd(_ shape: [Int], seed: UInt64 = 1) -> Tensor {
    let rng = CounterRNG(seed: seed)
    let n = shape.reduce(1, *)
    return Tensor(shape: shape) { p in for i in 0..<n { p[i] = rng.uniformFloat(UInt64(i)) * 2 - 1 } }
}
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Best wall time of `reps` runs after a warm-up, and the CPU seconds of that run: on a loaded
/// machine CPU time (all threads) is the steadier measure of work.
@discardableResult
func time(_ label: String, reps: Int = 3, flops: Double = 0, _ body: () -> Void) -> Double {
    body()
    var best = Double.infinity, cpu = 0.0
    for _ in 0..<reps {
        let t0 = now(), c0 = cpuSeconds()
        body()
        let dt = now() - t0
        if dt < best { best = dt; cpu = cpuSeconds() - c0 }
    }
    let rate = flops > 0 ? String(format: "  %6.1f GFLOP/s wall, %6.1f per CPU-second", flops / best / 1e9, flops / cpu / 1e9) : ""
    print(String(format: "  %-40@ %9.2f ms (cpu %9.2f ms)", label as NSString, best * 1000, cpu * 1000) + rate)
    return flops / best / 1e9
}

func gemmPeak(_ label: String) -> Double {
    let n = 1024
    let a = rnd([n, n]), b = rnd([n, n], seed: 2)
    var c = [Float](repeating: 0, count: n * n)
    return a.storage.withUnsafeBufferPointer { pa in b.storage.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
        time("sgemm 1024³ \(label)", reps: 5, flops: 2 * Double(n * n * n)) {
            sgemm(m: n, n: n, k: n, a: pa.baseAddress!, lda: n, b: pb.baseAddress!, ldb: n, c: pc.baseAddress!, ldc: n)
        }
    } } }
}

func convBench() {
    // (Cin, Cout, size, stride): SD 1.5 UNet 3×3 convolutions at a 64×64 latent, batch 2.
    let shapes = [(320, 320, 64, 1), (640, 640, 32, 1), (1280, 1280, 16, 1), (1280, 1280, 8, 1),
                  (320, 320, 64, 2), (960, 320, 64, 1), (4, 320, 64, 1)]
    for (ci, co, s, st) in shapes {
        let x = rnd([2, ci, s, s]), w = rnd([co, ci, 3, 3], seed: 3), b = rnd([co], seed: 4)
        let so = (s + 2 - 3) / st + 1
        let flops = 2.0 * 2 * Double(co * ci * 9 * so * so)
        time("conv3x3 \(ci)→\(co) @\(s)² s\(st) b2", flops: flops) { _ = conv2d(x, weight: w, bias: b, stride: st, padding: 1) }
    }
    let x = rnd([2, 640, 32, 32]), w = rnd([1280, 640, 1, 1])
    time("conv1x1 640→1280 @32² b2", flops: 2.0 * 2 * 1280 * 640 * 1024) { _ = conv2d(x, weight: w) }
}

func attnBench() {
    for (s, skv, heads, d) in [(4096, 4096, 8, 40), (4096, 77, 8, 40), (1024, 1024, 8, 80), (256, 256, 8, 160)] {
        let q = rnd([2, s, heads * d]), k = rnd([2, skv, heads * d], seed: 2), v = rnd([2, skv, heads * d], seed: 3)
        let flops = 2.0 * 2 * Double(heads) * Double(s) * Double(skv) * Double(d) * 2
        time("attention \(s)×\(skv) h\(heads) d\(d) b2", flops: flops) { _ = scaledDotProductAttention(query: q, key: k, value: v, heads: heads) }
    }
}

func opsBench() {
    let x = rnd([2, 320, 64, 64])
    let g = rnd([320]), b = rnd([320], seed: 2)
    time("groupNorm+SiLU 2×320×64²") { _ = groupNorm(x, groups: 32, weight: g, bias: b, eps: 1e-5, thenSiLU: true) }
    time("silu 2×320×64²") { _ = silu(x) }
    time("channelsToTokens 2×320×64²") { _ = channelsToTokens(x) }
    let t = rnd([2, 4096, 2560])
    time("geglu 2×4096×2560") { _ = geglu(t) }
    let tok = rnd([2, 4096, 320])
    time("layerNorm 2×4096×320") { _ = layerNorm(tok, weight: g, bias: b, eps: 1e-5) }
    let w = rnd([2560, 320])
    time("linear 8192×320→2560", flops: 2.0 * 8192 * 320 * 2560) { _ = linear(tok, weight: w, bias: rnd([2560])) }
    var y = x
    time("residual add 2×320×64²") { y.add(x) }
    time("concat 2×(320+320)×64²") { _ = concatChannels(x, x) }
    time("upsample2x 2×1280×16²") { _ = upsampleNearest2x(rnd([2, 1280, 16, 16])) }
}

func unetBench(_ folder: String?) throws {
    let unet: UNet2DConditionModel
    let t0 = now()
    if let folder {
        unet = try UNet2DConditionModel.load(from: URL(fileURLWithPath: folder))
    } else {
        // No checkpoint: SD 1.5's config with zero weights (same cost; values do not matter for timing).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-unet-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("{\"cross_attention_dim\": 768}".utf8).write(to: dir.appendingPathComponent("config.json"))
        try SafeTensorsWriter.write([:], to: dir.appendingPathComponent("diffusion_pytorch_model.safetensors"))
        let component = try ComponentFolder(dir)
        var config = UNet2DConditionConfig()
        config.crossAttentionDim = .all(768)
        unet = try UNet2DConditionModel(config: config, weights: WeightReader(component).scope(""))
    }
    print(String(format: "  load %.1f s", now() - t0))
    let sample = rnd([2, 4, 64, 64]), context = rnd([2, 77, 768], seed: 9)
    let reps = Int(ProcessInfo.processInfo.environment["REPS"] ?? "2") ?? 2
    time("UNet SD1.5 64×64 b2", reps: reps, flops: 1.777e12) { _ = unet.forward(sample: sample, timestep: 500, encoderHiddenStates: context) }
}

func vaeBench() throws {
    // SD's VAE config with zero weights: decode 64×64 latents to 512×512.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-vae-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: dir.appendingPathComponent("config.json"))
    try SafeTensorsWriter.write([:], to: dir.appendingPathComponent("diffusion_pytorch_model.safetensors"))
    var config = AutoencoderKLConfig()
    config.blockOutChannels = [128, 256, 512, 512]
    config.layersPerBlock = 2
    config.upBlockTypes = Array(repeating: "UpDecoderBlock2D", count: 4)
    let vae = try AutoencoderKL(config: config, weights: WeightReader(try ComponentFolder(dir)).scope(""))
    let z = rnd([1, 4, 64, 64])
    time("VAE decode 64² → 512²", reps: 1, flops: 2.48e12) { _ = vae.decode(z) }
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    print("  peak RSS \(usage.ru_maxrss / 1024) MiB")
}

let mode = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "all"
let strategies: [ComputeThreading.Strategy] = ProcessInfo.processInfo.environment["STRATEGY"].flatMap { ComputeThreading.Strategy(rawValue: $0) }.map { [$0] }
    ?? [.parallelLoops, .blasThreads]
print("workers \(ComputeThreading.workers), OpenBLAS \(String(cString: openblas_get_config()))")
for strategy in strategies {
    ComputeThreading.strategy = strategy
    print("strategy \(strategy.rawValue)")
    _ = gemmPeak("(\(strategy.rawValue))")
    switch mode {
    case "gemm": break
    case "conv": convBench()
    case "attn": attnBench()
    case "ops": opsBench()
    case "vae": try vaeBench()
    case "unet": try unetBench(CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : nil)
    default: convBench(); attnBench(); opsBench()
    }
    _ = gemmPeak("(\(strategy.rawValue), again)")
}
