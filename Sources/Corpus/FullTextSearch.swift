import Foundation
import GRDB

/// One ranked hit of a full-text search.
public struct SearchHit: Hashable, Sendable {
    /// `indicator` (a catalogue title), `commentary` (an indicator's commentary) or `page` (body text).
    public var kind: String
    public var title: String
    /// The matching passage, with matches between `SearchHit.markStart` and `SearchHit.markEnd`.
    public var snippet: String
    public var indicatorID: String?
    public var docID: String?
    public var source: String?
    public var authority: String?
    public var page: Int?
    /// bm25 rank: lower is better.
    public var rank: Double

    /// Marks around matched words in `snippet` (private-use characters, never in corpus text).
    public static let markStart = "\u{E000}", markEnd = "\u{E001}"

    /// The snippet with the marks replaced, e.g. by `[` and `]`.
    public func snippet(open: String, close: String) -> String {
        snippet.replacingOccurrences(of: Self.markStart, with: open).replacingOccurrences(of: Self.markEnd, with: close)
    }
}

/// FTS5 search over indicator titles, commentary and page text (`search_index`).
public enum FullTextSearch {
    /// An FTS5 query from free words: every word must occur, and words between a pair of
    /// double quotes must occur together in that order (`"children's social care"`: an FTS5
    /// phrase). Only letters and digits make words; other characters, FTS5 operators and an
    /// unpaired quote are plain text, so no input can change the query's structure; nil when
    /// there are no words.
    public static func matchExpression(_ input: String) -> String? {
        // Between quotes: the odd-numbered pieces, when their closing quote exists.
        let pieces = input.split(separator: "\"", omittingEmptySubsequences: false)
        var terms: [String] = []
        for (i, piece) in pieces.enumerated() {
            let words = Self.words(piece)
            guard !words.isEmpty else { continue }
            if i % 2 == 1 && i < pieces.count - 1 {
                terms.append("\"" + words.joined(separator: " ") + "\"")
            } else {
                terms += words.map { "\"\($0)\"" }
            }
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// The runs of letters and digits in `text`.
    static func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in text {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Ranked hits for the words, best first; titles weigh ten times body text.
    public static func search(_ db: Database, _ input: String, limit: Int = 50) throws -> [SearchHit] {
        guard let match = matchExpression(input) else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.kind, s.title, s.indicator_id, s.doc_id, s.page, d.source, d.authority,
                   snippet(search_index, -1, ?, ?, '…', 16) AS snippet,
                   bm25(search_index, 0, 0, 0, 0, 10.0, 1.0) AS rank
            FROM search_index s LEFT JOIN documents d ON d.doc_id = s.doc_id
            WHERE search_index MATCH ?
            ORDER BY rank, s.rowid LIMIT ?
            """, arguments: [SearchHit.markStart, SearchHit.markEnd, match, limit])
        return rows.map { r in
            SearchHit(kind: r["kind"], title: r["title"] ?? "", snippet: r["snippet"] ?? "", indicatorID: r["indicator_id"],
                      docID: r["doc_id"], source: r["source"], authority: r["authority"], page: r["page"], rank: r["rank"])
        }
    }

    /// Hits as printable rows (`scrutiny search`), matches in `[` `]`.
    public static func table(_ hits: [SearchHit]) -> QueryResult {
        QueryResult(columns: ["rank", "kind", "title", "snippet", "document", "page", "indicator_id", "doc_id"],
                    rows: hits.map { h in
                        let values: [DatabaseValueConvertible?] = [
                            (h.rank * 1000).rounded() / 1000, h.kind, h.title, h.snippet(open: "[", close: "]"),
                            h.source, h.page, h.indicatorID, h.docID,
                        ]
                        return values.map { $0?.databaseValue ?? .null }
                    })
    }
}
