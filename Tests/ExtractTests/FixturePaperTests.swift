import Foundation
import Testing
import ScrutinyCore
@testable import Extract

/// The text exports with hand-checked gold rows: the five real papers and two generated
/// papers of each of the nine report families. These check the whole text path against
/// the gold rows, paper by paper, on every field.
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

    @Test func fixturesArePresent() { #expect(Self.papers.count == 23) }

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

    /// Each paper on its own, every gold field of its records: precision and recall of at
    /// least `minimumFieldScore`, and figures (actual, target, previous) at least `minimumFigureRecall`.
    @Test(arguments: papers.map(\.text.lastPathComponent))
    func recordsMatchGoldOnEveryField(_ name: String) throws {
        let paper = Self.papers.first { $0.text.lastPathComponent == name }!
        let extraction = try extractText(try String(contentsOf: paper.text, encoding: .utf8), name: name)
        let gold = try jsonLines(paper.gold.appendingPathComponent("records.jsonl"))
        let score = try GoldScore(gold: gold, got: extraction.records)
        #expect(score.precision >= Self.minimumFieldScore, "\(name) precision \(score.precision): \(score.wrong.prefix(12))")
        #expect(score.recall >= Self.minimumFieldScore, "\(name) recall \(score.recall): \(score.wrong.prefix(12))")
        let figures = figureRecall(gold: gold, got: extraction.records)
        if figures.total > 0 {
            #expect(Double(figures.right) / Double(figures.total) >= Self.minimumFigureRecall, "\(name): \(figures.missing.prefix(12))")
        }
    }

    /// Every paper's field precision and recall must reach this.
    static let minimumFieldScore = 0.95
    /// Every paper's figure recall must reach this.
    static let minimumFigureRecall = 0.95

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
