import Foundation
import PreflightKit

/// Front matter, YAML and conditions: split, parse, decode an item, evaluate its condition.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(UnsafeBufferPointer(start: start, count: count))
    guard case .success(let split) = FrontMatter.split(data),
          case .success(let tree) = YAMLTree.parse(split.yaml, file: "fuzz.md", firstLine: split.yamlLine)
    else { return 0 }
    var diagnostics: [Diagnostic] = []
    let vocabulary = Vocabulary(engines: [.init(id: "postgresql", name: "PostgreSQL", family: "postgresql", aliases: ["pg"])])
    guard let item = ItemDecoder(vocabulary: vocabulary).decode(tree, body: split.body, bodyLine: split.bodyLine,
                                                               file: "fuzz.md", defaultID: "fuzz", diagnostics: &diagnostics)
    else { return 0 }
    var profile = Profile(id: "p", name: "p", origin: "p")
    profile.values["target.version"] = .version(Version([15]))
    profile.values["data.size"] = .size(DataSize(bytes: 1e12))
    _ = ConditionEvaluator(profile: profile).explain(item.when)
    _ = TemplateScanner.tags(in: item.body)
    _ = GFM.html(item.body)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<target>_main`; hand control to libFuzzer's driver.
@_cdecl("FuzzFrontMatter_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments, { fuzz($0, $1) })
}
