import ArgumentParser
import Foundation
import Corpus

/// The `--corpus DIR` option every command shares.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "The corpus folder (corpus.sqlite and the JSONL exports).")
    var corpus: String = "corpus"

    var url: URL { URL(fileURLWithPath: corpus) }

    func openReadOnly() throws -> CorpusStore {
        do { return try CorpusStore(folder: url, readOnly: true) } catch {
            throw ValidationError("\(error)")
        }
    }
}

extension QueryResult.Format: ExpressibleByArgument {}
extension CorpusExporter.Format: ExpressibleByArgument {}
