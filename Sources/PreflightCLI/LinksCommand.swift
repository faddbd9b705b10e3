import ArgumentParser
import PreflightKit
import PreflightSiteCheck

struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Check every internal link and anchor of a built site, offline.",
        discussion: """
        Parses each HTML page with libxml2 and follows relative links: the file must exist and, for
        links with a #fragment into a page, so must the element with that id. External links are not
        fetched. Exits 1 when a link is broken.

        Example:
          preflight links Output/
        """
    )

    @Argument(help: ArgumentHelp("The built site to check.", valueName: "dir"))
    var folder = "Output"

    func run() throws {
        let (pages, links, broken) = LinkChecker().check(root: folder)
        let printer = DiagnosticPrinter()
        for problem in broken { printer.write("\(folder)/\(problem.page): error: broken link `\(problem.link)`: \(problem.reason)") }
        print("\(pages) pages, \(links) links, \(broken.count) broken")
        if !broken.isEmpty { throw ExitCode(1) }
    }
}
