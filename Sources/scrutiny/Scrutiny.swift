import ArgumentParser

/// The `scrutiny` command line: run the pipeline, export and query the corpus.
@main
struct Scrutiny: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrutiny",
        abstract: "Turn council committee papers into a research corpus.",
        discussion: """
            Example:
              scrutiny run --corpus corpus corpus/samples
              scrutiny query --corpus corpus "SELECT code, period_end, actual, target FROM records LIMIT 5"
            """,
        subcommands: [RunCommand.self, ExportCommand.self, QueryCommand.self, SeriesCommand.self, SearchCommand.self,
                      PlotCommand.self, ServeCommand.self])
}
