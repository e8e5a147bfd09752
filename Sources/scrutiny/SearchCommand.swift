import ArgumentParser
import Foundation
import Corpus

/// `scrutiny search`: ranked full-text search over indicator titles, commentary and page text.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search (FTS5, ranked) over indicator titles, commentary and the papers' text.",
        discussion: "Example: scrutiny search --corpus corpus \"looked after children placements\"")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "table, csv or json.")
    var format: QueryResult.Format = .table

    @Option(help: "At most this many hits.")
    var limit: Int = 20

    @Argument(help: "Words to search for (all must occur; the last may be a prefix).")
    var words: [String]

    func run() throws {
        let store = try corpusOptions.openCatalogue()
        let hits = try store.database.read { db in try FullTextSearch.search(db, words.joined(separator: " "), limit: limit) }
        print(FullTextSearch.table(hits).render(format), terminator: "")
    }
}
