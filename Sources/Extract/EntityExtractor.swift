import Foundation
import ScrutinyCore
import Normalise

/// Named things a paper mentions: the people responsible (owners, leads, comment authors),
/// the council, indicator codes, sums of money and dates, each with a normalised value.
public struct EntityExtractor: Sendable {
    public init() {}

    public func extract(_ doc: LaidOutDocument, records: [RecordRow], activities: [ActivityRow], authority: String?) -> [EntityRow] {
        let docID = doc.source.docID
        var out: [EntityRow] = []
        var seen = Set<String>()
        func add(_ kind: String, _ text: String, _ value: EntityValue?, page: Int?) {
            let key = "\(kind)|\(text)|\(page.map(String.init) ?? "")"
            guard !text.isEmpty, seen.insert(key).inserted else { return }
            out.append(EntityRow(docID: docID, page: page, kind: kind, text: text, value: value))
        }
        for r in records {
            if let o = r.owner { add("person", o, .string(o), page: r.page) }
            if let c = r.code { add("indicator", c, .string(c), page: r.page) }
        }
        for a in activities {
            if let l = a.lead { add("person", l, .string(l), page: a.page) }
        }
        if let authority { add("organisation", authority, .string(authority), page: nil) }
        for p in doc.paragraphs {
            let text = p.text
            // each expression needs its literal: a `£`, or `Comment Author:`
            for m in Self.mayHoldPound(text) ? text.matches(of: rxMoneySum) : [] {
                let s = String(text[m.range])
                if let f = FigureParser.parse(s, moneyContext: true) { add("money", s, .number(f.value), page: p.at.page) }
            }
            for d in DateParser.find(in: text) { add("date", d.text, .string(d.iso), page: p.at.page) }
            for m in Self.mayNameCommentAuthor(text) ? text.matches(of: rxCommentAuthorName) : [] {
                let n = String(m.output.name)
                add("person", n, .string(n), page: p.at.page)
            }
        }
        return out
    }

    /// False for a text without the byte that ends a `£` in UTF-8 (so `rxMoneySum` cannot match).
    static func mayHoldPound(_ text: String) -> Bool { text.utf8.contains(0xA3) }

    /// False for a text without the bytes of `Comment Author:` (so `rxCommentAuthorName` cannot match).
    static func mayNameCommentAuthor(_ text: String) -> Bool {
        let needle = Array("Comment Author:".utf8)
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A sum of money: `£1,200`, `£1.4m`, `£ 3 million`.
nonisolated(unsafe) let rxMoneySum = /£\s?\d[\d,]*(?:\.\d+)?\s?(?:m|k|bn|million|thousand)?\b/
/// The name after `Comment Author:` (two to four capitalised words).
nonisolated(unsafe) let rxCommentAuthorName = /Comment Author:\s*(?<name>[A-Z][A-Za-z'\-]+(?:\s[A-Z][A-Za-z'\-]+){1,3})/
