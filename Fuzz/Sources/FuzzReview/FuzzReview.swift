import Foundation
import PreflightKit
import PreflightReview

/// The review's plan readers: Markdown through cmark-gfm, HTML through libxml2, then sectioning and
/// heading matching.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: Data(UnsafeBufferPointer(start: start, count: count)), as: UTF8.self)
    for plan in [MarkdownPlanParser.parse(text, file: "plan.md"), HTMLPlanParser.parse(text, file: "plan.html")] {
        for section in plan.sections {
            _ = HeadingMatcher.matches(section.heading, synonyms: ["rollback plan", "back out", "pre-flight checklist"])
        }
        _ = plan.codeBlocks.count
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<target>_main`; hand control to libFuzzer's driver.
@_cdecl("FuzzReview_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments, { fuzz($0, $1) })
}
