// swift-tools-version:6.1
import PackageDescription

/// wfm: a workforce-management engine for contact centres.
/// One module per pipeline stage (see ../shared/DESIGN.md and README.md).
let package = Package(
    name: "wfm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wfm", targets: ["wfm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(name: "WFMCore"),
        .target(name: "Staffing", dependencies: ["WFMCore"]),
        .target(name: "Forecasting", dependencies: ["WFMCore"]),
        .target(name: "MIP"),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "GLPKSolver", dependencies: ["MIP", "CGLPK"]),
        .target(name: "Scheduling", dependencies: ["WFMCore", "Staffing", "MIP"]),
        .target(name: "Planning", dependencies: ["MIP"]),
        .target(name: "Simulation", dependencies: ["WFMCore", "Staffing", "Scheduling"]),
        .target(name: "Scenario", dependencies: [
            "WFMCore", "Forecasting", "Staffing", "MIP", "GLPKSolver", "Scheduling", "Planning", "Simulation",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "CommandLineSupport", dependencies: ["WFMCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "wfm", dependencies: [
            "WFMCore", "Forecasting", "Staffing", "Scheduling", "Scenario", "CommandLineSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "WFMCoreTests", dependencies: ["WFMCore"]),
        .testTarget(name: "StaffingTests", dependencies: ["Staffing", "WFMCore"], exclude: ["Resources"]),
        .testTarget(name: "MIPTests", dependencies: ["MIP"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "MIP"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "WFMCore"]),
        .testTarget(name: "ScenarioTests", dependencies: [
            "Scenario", "Scheduling", "Staffing", "WFMCore", "GLPKSolver",
            .product(name: "PropertyBased", package: "swift-property-based"),
            .product(name: "Yams", package: "Yams"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "wfmTests", dependencies: ["wfm"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "MIP", "GLPKSolver"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Scheduling", "Staffing", "WFMCore"]),
        .testTarget(name: "SchedulingTests", dependencies: [
            "Scheduling", "MIP", "GLPKSolver", "WFMCore",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),

        .target(name: "CurtoisFormat", path: "Benchmarks/CurtoisFormat"),
        .testTarget(name: "CurtoisFormatTests", dependencies: ["CurtoisFormat"]),
        .target(name: "WFMBenchKit", dependencies: ["CurtoisFormat", "Scheduling", "MIP", "WFMCore"], path: "Benchmarks/WFMBenchKit"),
        .executableTarget(name: "wfm-bench", dependencies: [
            "WFMBenchKit", "CurtoisFormat", "GLPKSolver", "WFMCore", "CommandLineSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Benchmarks/wfm-bench"),
        .testTarget(name: "WFMBenchKitTests", dependencies: ["WFMBenchKit", "CurtoisFormat", "Scheduling", "GLPKSolver", "WFMCore"]),
        .executableTarget(
            name: "StaffingBenchmarks",
            dependencies: ["Staffing", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/StaffingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SchedulingBenchmarks",
            dependencies: ["Scheduling", "GLPKSolver", "WFMCore", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/SchedulingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ForecastingBenchmarks",
            dependencies: ["Forecasting", "WFMCore", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/ForecastingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PlanningBenchmarks",
            dependencies: ["Scenario", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/PlanningBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SimulationBenchmarks",
            dependencies: ["Simulation", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/SimulationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScaleBenchmarks",
            dependencies: ["Scenario", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/ScaleBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
