import Foundation

extension ContentLayers {
    /// The files of each layer, relative to its folder and sorted, the base's first. A layer whose
    /// folder lies inside another's belongs to itself alone, so that no file is read as part of two
    /// layers. `unreadable` receives every folder that could not be opened, joined to its layer's.
    package func files(unreadable: inout [String]) -> [[String]] {
        let absolute = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        return folders.indices.map { index in
            var missed: [String] = []
            var files = ContentLoader.walk(folders[index], unreadable: &missed)
            unreadable += missed.map { folders[index] + "/" + $0 }
            let nested = absolute.indices.filter { $0 != index && absolute[$0].hasPrefix(absolute[index] + "/") }
                .map { String(absolute[$0].dropFirst(absolute[index].count + 1)) + "/" }
            if !nested.isEmpty {
                files.removeAll { file in nested.contains { file.hasPrefix($0) } }
                unreadable.removeAll { folder in nested.contains { (folder + "/").hasPrefix(folders[index] + "/" + $0) } }
            }
            return files
        }
    }

    /// `files(unreadable:)` for callers that learn of unreadable folders elsewhere.
    package var files: [[String]] {
        var unreadable: [String] = []
        return files(unreadable: &unreadable)
    }
}
