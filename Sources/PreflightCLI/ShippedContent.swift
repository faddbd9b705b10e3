import Foundation

/// The knowledge base that came with the executable, so that `preflight` works from any folder.
///
/// An installed tool finds it beside itself (`<prefix>/bin/preflight` reads `<prefix>/share/preflight`);
/// a development build finds the `Content/` of the checkout it was built in (`.build/…/debug/preflight`
/// sits inside the checkout). When neither is there, the answer is the relative `Content`, as before an
/// install existed, so that the loader's message about a missing folder names what the user expects.
enum ShippedContent {
    /// Where an installed knowledge base sits, relative to the prefix (the parent of `bin/`).
    static let installedFolder = "share/preflight"

    /// The file every knowledge base has at its root; a folder without it is not one.
    static let markerFile = "vocabulary.yml"

    /// The folder of the shipped knowledge base, for the executable at `executable` (symbolic links
    /// resolved, so that a link in `~/bin` or a package manager's link farm finds the real prefix).
    static func locate(executable: String? = executablePath()) -> String {
        guard let executable else { return "Content" }
        let binary = resolved(executable)
        let folder = (binary as NSString).deletingLastPathComponent
        let prefix = (folder as NSString).deletingLastPathComponent
        let installed = (prefix == "/" ? "" : prefix) + "/" + installedFolder
        if isFile(installed + "/" + markerFile) { return installed }
        var candidate = folder
        while !candidate.isEmpty, candidate != "/" {
            if isFile(candidate + "/Package.swift"), isFile(candidate + "/Content/" + markerFile) {
                return candidate + "/Content"
            }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        return "Content"
    }

    /// The running executable: the kernel's link on Linux, else the first argument made absolute.
    static func executablePath() -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return CommandLine.arguments.first.map(resolved)
    }

    /// `path` absolute and with symbolic links resolved; as given when it does not exist.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
