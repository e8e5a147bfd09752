import ArgumentParser
import Corpus

/// The indicator a command's words name, and its series: shared by `series` and `plot`.
enum IndicatorLookup {
    static func series(_ words: [String], authority: String?, in options: CorpusOptions) throws -> (IndicatorInfo, [SeriesPoint]) {
        let store = try options.openCatalogue()
        let query = words.joined(separator: " ")
        let (info, points) = try store.database.read { db -> (IndicatorInfo?, [SeriesPoint]) in
            guard let info = try IndicatorQueries.resolve(db, query) else { return (nil, []) }
            return (info, try IndicatorQueries.series(db, indicatorID: info.id, authority: authority))
        }
        guard let info else { throw ValidationError("no indicator matches “\(query)”") }
        return (info, points)
    }
}
