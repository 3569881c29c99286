import Foundation
import WeftFuzzTargets

// Built with -DWEFT_FUZZ and -sanitize=fuzzer, libFuzzer provides main and calls
// LLVMFuzzerTestOneInput; the target comes from $WEFT_FUZZ_TARGET.
// Built normally, this is a replay driver: weft-fuzz TARGET FILE...

/// The target chosen by the environment (libFuzzer mode).
let fuzzTarget = ProcessInfo.processInfo.environment["WEFT_FUZZ_TARGET"] ?? "mbox"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTargets.run(fuzzTarget, Data(bytes: bytes, count: count))
    return 0
}

#if WEFT_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links executables with `main` aliased to this; hand over to libFuzzer's driver.
@_cdecl("weft_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector) { bytes, size in
        FuzzTargets.run(fuzzTarget, Data(bytes: bytes, count: size))
        return 0
    }
}
#else
@main
struct Replay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let target = args.first, FuzzTargets.names.contains(target) else {
            print("usage: weft-fuzz TARGET FILE...   (targets: \(FuzzTargets.names.joined(separator: ", ")))")
            exit(2)
        }
        var n = 0
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTargets.run(target, data)
            n += 1
        }
        print("\(target): replayed \(n) inputs")
    }
}
#endif
