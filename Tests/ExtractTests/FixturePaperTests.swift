import Foundation
import Testing
import ScrutinyCore
@testable import Extract

/// The fifteen text exports with hand-checked gold rows: every report family, five
/// councils' layouts. These check the whole text path against the gold figures.
@Suite struct FixturePaperTests {
    static var papers: [(text: URL, gold: URL)] {
        var out: [(URL, URL)] = []
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: fixtures.appendingPathComponent("text").path))?.sorted() ?? [] {
            let stem = (name as NSString).deletingPathExtension
            out.append((fixtures.appendingPathComponent("text/\(name)"), fixtures.appendingPathComponent("gold/\(stem)")))
        }
        for dir in (try? fm.contentsOfDirectory(atPath: fixtures.appendingPathComponent("gen").path))?.sorted() ?? [] {
            out.append((fixtures.appendingPathComponent("gen/\(dir)/\(dir).txt"), fixtures.appendingPathComponent("gen/\(dir)/gold")))
        }
        return out
    }

    @Test func fixturesArePresent() { #expect(Self.papers.count == 15) }

    @Test(arguments: papers.map(\.text.lastPathComponent))
    func documentPeriodMatchesGold(_ name: String) throws {
        let paper = Self.papers.first { $0.text.lastPathComponent == name }!
        let extraction = try extractText(try String(contentsOf: paper.text, encoding: .utf8), name: name)
        let gold = try jsonLines(paper.gold.appendingPathComponent("documents.jsonl"))[0]
        #expect(extraction.document.financialYear == gold["financial_year"] as? String)
        #expect(extraction.document.quarter == gold["quarter"] as? Int)
        #expect(extraction.document.asAt == gold["as_at"] as? String)
        if let authority = gold["authority"] as? String, name.hasPrefix("gen") {
            #expect(extraction.document.authority == authority)
        }
    }

    @Test func figuresMatchGoldAcrossAllPapers() throws {
        var right = 0, total = 0
        var missing: [String] = []
        for paper in Self.papers {
            let extraction = try extractText(try String(contentsOf: paper.text, encoding: .utf8))
            let gold = try jsonLines(paper.gold.appendingPathComponent("records.jsonl"))
            let r = figureRecall(gold: gold, got: extraction.records)
            right += r.right; total += r.total; missing += r.missing
        }
        #expect(total > 500)
        #expect(Double(right) / Double(total) >= 0.97, "missing: \(missing.prefix(20))")
    }

    @Test func financeAndActivitiesMatchGoldCounts() throws {
        for paper in Self.papers {
            let extraction = try extractText(try String(contentsOf: paper.text, encoding: .utf8))
            let finance = try jsonLines(paper.gold.appendingPathComponent("finance.jsonl"))
            let activities = try jsonLines(paper.gold.appendingPathComponent("activities.jsonl"))
            #expect(extraction.finance.count == finance.count, "\(paper.text.lastPathComponent)")
            #expect(extraction.activities.count == activities.count, "\(paper.text.lastPathComponent)")
        }
    }
}
