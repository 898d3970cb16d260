// swift-tools-version:6.0
import PackageDescription

let optimizedAlways: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "MedSynth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "medsynth", targets: ["medsynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // C libraries of the system, found with pkg-config (installed by `make deps`).
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CInotify", providers: [.apt(["libinotifytools0-dev"])]),
        // Wraps libvips' variadic functions and VIPS_INIT, which Swift cannot call directly.
        .target(name: "VipsShim", dependencies: ["CVips"]),

        .target(name: "Prompting", dependencies: ["Yams"]),
        // The numeric kernels are optimized in debug builds too: `swift test` runs whole
        // diffusion pipelines, which unoptimized loops make a hundred times slower.
        .target(name: "SynthNumerics", dependencies: ["CBLAS"], swiftSettings: optimizedAlways),
        .target(name: "Phantom", dependencies: ["SynthNumerics", "Prompting"]),
        .target(name: "Diffusion", dependencies: ["SynthNumerics"], swiftSettings: optimizedAlways),
        .target(name: "Imaging", dependencies: ["VipsShim", "CVips", "SynthNumerics"]),
        .target(name: "DICOM"),
        .target(name: "Watch", dependencies: ["CInotify"]),
        .target(name: "Gallery", dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Pipeline", dependencies: [
            "Prompting", "SynthNumerics", "Phantom", "Diffusion", "Imaging", "DICOM", "Gallery",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Server", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "medsynth", dependencies: [
            "Pipeline", "Prompting", "Watch", "Server",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // `make bench`: the diffusion runtime at Stable Diffusion 1.5's shapes.
        .executableTarget(name: "diffusion-bench", dependencies: ["Diffusion", "SynthNumerics", "CBLAS"],
                          path: "Sources/DiffusionBench"),

        // `make bench`: the phantom generator alone, rendering into bands it drops.
        .executableTarget(name: "phantom-bench", dependencies: ["Phantom", "Prompting", "SynthNumerics"],
                          path: "Sources/PhantomBench"),

        .testTarget(name: "PromptingTests", dependencies: ["Prompting"]),
        .testTarget(name: "PhantomTests", dependencies: ["Phantom", "Prompting", "SynthNumerics"]),
        .testTarget(name: "GalleryTests", dependencies: ["Gallery"]),
        .testTarget(name: "DiffusionTests", dependencies: ["Diffusion", "SynthNumerics"], exclude: ["Fixtures"]),
        .testTarget(name: "DICOMTests", dependencies: ["DICOM"]),
        .testTarget(name: "WatchTests", dependencies: ["Watch"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Prompting"]),
        .testTarget(name: "SystemLibraryTests", dependencies: ["CBLAS", "CInotify", "Imaging", "SynthNumerics"]),
        .testTarget(name: "MedSynthCLITests", dependencies: ["medsynth", "Prompting"]),
    ]
)
