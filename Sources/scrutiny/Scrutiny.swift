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
        if let command = CommandLine.arguments.dropFirst().first, OpenMPEnvironment.commandsThatOCR.contains(command) {
            OpenMPEnvironment.reexecWithSingleThreadLimit()
        }
        Self.main(nil)
    }
}

/// libgomp reads `OMP_THREAD_LIMIT` once, when tesseract is loaded; without a limit of 1
/// every OCR worker spawns a thread per core and OCR runs several times slower. The
/// variable must be set before the process starts, so a command that may OCR re-executes
/// the process with it set; the others (tables, queries, exports, the web pages) never OCR
/// and start once, in half the time.
enum OpenMPEnvironment {
    /// The subcommands that may OCR a page (they run the text stage).
    static let commandsThatOCR: Set<String> = ["run", "layout"]

    static func reexecWithSingleThreadLimit() {
        guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let args = CommandLine.unsafeArgv
        execv("/proc/self/exe", args)
        // execv returns only on failure: carry on with the slower setting.
    }
}
