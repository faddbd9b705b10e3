import ArgumentParser
import Foundation
import PreflightKit

struct NewOverlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlay",
        abstract: "Start an overlay: a folder of a team's own guidance laid over the knowledge base.",
        discussion: """
        Writes overlay.yml (with a commented `disable:`), a README that explains how layers combine,
        and one example item, then checks the folder over the base (and any --content overlays given
        before it). The folder must be new or empty.

        Example:
          preflight new overlay team-guidance
          preflight check --content team-guidance
        """
    )

    @Argument(help: ArgumentHelp("The overlay's folder.", valueName: "dir"))
    var folder: String

    @OptionGroup var contentOptions: ContentOptions

    func run() throws {
        let manager = FileManager.default
        let existed = manager.fileExists(atPath: folder)
        if existed, !((try? manager.contentsOfDirectory(atPath: folder)) ?? ["?"]).isEmpty {
            throw ValidationError("\(folder) already exists and is not empty; choose a new folder.")
        }
        let scaffold = OverlayScaffold(folder: folder)
        for file in scaffold.files {
            let path = scaffold.folder + "/" + file.path
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
        }
        var layers = contentOptions.layers
        layers.overlays.append(scaffold.folder)
        let (content, diagnostics) = ContentLoader().load(layers)
        let problems = (diagnostics + ContentValidator().validate(content)).filter {
            $0.level == .error && layers.locate($0.location.file)?.layer == layers.count - 1
        }
        if !problems.isEmpty {
            if existed {
                for file in scaffold.files { try? manager.removeItem(atPath: scaffold.folder + "/" + file.path) }
            } else {
                try? manager.removeItem(atPath: scaffold.folder)
            }
            DiagnosticPrinter().print(problems)
            throw ExitCode(1)
        }
        for file in scaffold.files { print("wrote \(scaffold.folder)/\(file.path)") }
        print("check it with: preflight check --content \(scaffold.folder)")
    }
}
