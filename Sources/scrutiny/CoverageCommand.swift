import ArgumentParser
import Foundation
import Corpus

/// `scrutiny coverage`: papers by how much of what they print ended up in rows, worst first.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "List papers by the share of their printed figures that ended up in records, finance or activities, worst first.",
        discussion: "Papers whose pages carry figures but gave no rows come first. Example: scrutiny coverage --corpus corpus --limit 20")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "table, csv or json.")
    var format: QueryResult.Format = .table

    @Option(help: "At most this many papers.")
    var limit: Int?

    func run() throws {
        let store = try corpusOptions.openReadOnly()
        do {
            print(try CoverageReport.worstFirst(store, limit: limit).render(format), terminator: "")
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
