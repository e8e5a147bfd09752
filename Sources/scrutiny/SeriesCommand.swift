import ArgumentParser
import Foundation
import Corpus

/// `scrutiny series`: one indicator across every document, period and council.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "One indicator across all papers: a row per council and period, latest paper wins.",
        discussion: """
            The indicator is a national code in any spelling (NI060, "NI 60"), a catalogue id
            (code:NI060, title:…), a printed local code, or words of its title.
            Example: scrutiny series --corpus corpus NI060 --authority Doncaster --format csv
            """)

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "table, csv or json.")
    var format: QueryResult.Format = .table

    @Option(help: "Only this council (case-insensitive).")
    var authority: String?

    @Argument(help: "Indicator code, catalogue id, or title words.")
    var indicator: [String]

    func run() throws {
        let (info, points) = try IndicatorLookup.series(indicator, authority: authority, in: corpusOptions)
        let note = "\(info.id) — \(info.title)" + [info.unit, info.polarity].compactMap { $0 }.map { " [\($0)]" }.joined()
        FileHandle.standardError.write(Data((note + "\n").utf8))
        print(IndicatorQueries.table(points).render(format), terminator: "")
    }
}

extension CorpusOptions {
    /// The corpus, read-only, with its indicator catalogue.
    func openCatalogue() throws -> CorpusStore {
        let store = try openReadOnly()
        do { try store.requireCatalogue() } catch { throw ValidationError("\(error)") }
        return store
    }
}
