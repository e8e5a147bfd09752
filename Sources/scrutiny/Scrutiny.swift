import ArgumentParser
import Foundation

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
        subcommands: [RunCommand.self, ExportCommand.self, QueryCommand.self, MergeCommand.self, TablesCommand.self, LayoutCommand.self,
                      SeriesCommand.self, SearchCommand.self, PlotCommand.self, ServeCommand.self, CoverageCommand.self])

    static func main() {
        OpenMPEnvironment.limitThreads()
        Self.main(nil)
    }
}

/// libgomp reads `OMP_THREAD_LIMIT` once, when it is loaded; without a limit of 1 every OCR
/// worker spawns a thread per core and OCR runs several times slower. Tesseract (which
/// brings libgomp) is loaded on the first OCR (`CTesseract`), long after the process
/// starts, so setting the variable first thing, before any thread runs, is enough: no
/// command re-executes itself for it any more. A limit the user set is kept.
enum OpenMPEnvironment {
    static func limitThreads() {
        setenv("OMP_THREAD_LIMIT", "1", 0)
    }
}
