import PreflightKit
import Foundation

extension Pipeline {
    /// Loads content and the single profile, reads the plan, and scores it.
    public func review(planPath: String, _ request: BuildRequest) -> Result<Reviewer.Report, DiagnosticsError> {
        let content: ContentSet, profile: Profile
        switch loadSingle(request, purpose: "review against") {
        case .success(let loaded): (content, profile) = loaded
        case .failure(let error): return .failure(error)
        }
        let data: Data
        switch FileReader.read(planPath, limit: 8 << 20) {
        case .success(let contents): data = contents
        case .failure(let diagnostic): return .failure(DiagnosticsError([diagnostic]))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(DiagnosticsError([FileReader.diagnostic(for: FrontMatter.firstInvalidUTF8(bytes), path: planPath)]))
        }
        let plan = Reviewer.parse(text, file: planPath)
        return .success(Reviewer().review(plan, profile: profile, content: content))
    }
}
