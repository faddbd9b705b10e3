import ArgumentParser

/// Where the knowledge base is, and how strictly to treat it.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Content folder with the guidance items, theme and example profiles.",
                                            valueName: "dir"))
    var content = ShippedContent.locate()

    @Flag(name: .long, help: "Treat warnings as errors (exit 1 when there are any).")
    var strict = false
}
