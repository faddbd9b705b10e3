import Foundation
import PreflightKit

/// Profiles: YAML into typed fields with units, versions and limits, then the derived fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: Data(UnsafeBufferPointer(start: start, count: count)), as: UTF8.self)
    let path = NSTemporaryDirectory() + "preflight-fuzz-\(getpid()).yml"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    let vocabulary = Vocabulary(engines: [.init(id: "postgresql", name: "PostgreSQL", family: "postgresql", aliases: ["pg"])],
                                values: ["window.mode": ["read-only", "offline", "online"]])
    let (profile, _) = ProfileLoader(vocabulary: vocabulary).load(path: path)
    if let profile {
        _ = Schedule(profile: profile)
        _ = ProfileValidator().validate(profile, content: ContentSet(root: ".", items: [], vocabulary: vocabulary,
                                                                     theme: Theme(), profilePaths: []))
    }
    for field in ["data.size", "window.duration", "hardware.network", "target.version"] {
        _ = ProfileSchema.field(field)?.type.parse(text, vocabulary: vocabulary)
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<target>_main`; hand control to libFuzzer's driver.
@_cdecl("FuzzProfile_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments, { fuzz($0, $1) })
}
