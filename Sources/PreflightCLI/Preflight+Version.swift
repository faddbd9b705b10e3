import Foundation
import PreflightKit

extension Preflight {
    /// What `preflight --version` prints: the tool's version and the knowledge base's, with the folder
    /// it was read from, such as `preflight 0.3.0 (knowledge base 2026.12.1, /usr/local/share/preflight)`.
    /// A bug report then names the guidance as well as the code, which are released apart.
    static func versionText(content: String = ShippedContent.locate()) -> String {
        let folder = content.hasPrefix("/") ? content : FileManager.default.currentDirectoryPath + "/" + content
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "preflight \(PreflightVersion.current) (no knowledge base found: \(folder) does not exist)"
        }
        var diagnostics: [Diagnostic] = []
        guard let release = KnowledgeBaseReleaseLoader().load(root: folder, diagnostics: &diagnostics) else {
            return "preflight \(PreflightVersion.current) (knowledge base of unknown version, \(folder))"
        }
        return "preflight \(PreflightVersion.current) (knowledge base \(release.version), \(folder))"
    }
}
