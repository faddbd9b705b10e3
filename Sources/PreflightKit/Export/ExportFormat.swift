/// A form of the pre-cutover checklist for where a team tracks its work, written beside the other
/// documents of the profile when a build asks for it (`preflight build --format …`).
public enum ExportFormat: String, Sendable, CaseIterable, Codable, Comparable {
    /// The body of a GitHub or GitLab issue.
    case githubIssue = "github-issue"
    /// A Jira CSV import: a task per phase, a sub-task per step.
    case jiraCSV = "jira-csv"
    /// A Confluence page in storage format.
    case confluence
    /// One self-contained, printable HTML file.
    case singleHTML = "single-html"

    /// The file's name in the profile's folder.
    public var fileName: String {
        switch self {
        case .githubIssue: "checklist.github-issue.md"
        case .jiraCSV: "checklist.jira.csv"
        case .confluence: "checklist.confluence.xml"
        case .singleHTML: "checklist.single.html"
        }
    }

    public static func < (lhs: ExportFormat, rhs: ExportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The checklist in this form. The single HTML file takes the theme's templates and style sheet,
    /// so that it prints as the site's checklist does.
    public func file(_ checklist: Checklist, html: HTMLRenderer, theme: Theme) -> OutputFile {
        let text = switch self {
        case .githubIssue: GitHubIssueExport().render(checklist)
        case .jiraCSV: JiraCSVExport().render(checklist)
        case .confluence: ConfluenceExport().render(checklist)
        case .singleHTML: SingleHTMLExport(html: html, theme: theme).render(checklist)
        }
        return OutputFile(path: fileName, text: text)
    }
}
