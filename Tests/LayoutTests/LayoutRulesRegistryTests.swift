import Foundation
import Testing
import ScrutinyCore
@testable import Layout

/// The registry in `LayoutRules`: every rule type of a decision is listed, and the listed
/// rules are asked in order, the first verdict deciding.
@Suite struct LayoutRulesRegistryTests {
    /// Every `struct X: SomeDecisionRule` in Sources/Layout, by decision protocol.
    func declaredRules() throws -> [String: Set<String>] {
        let layout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Layout")
        let files = FileManager.default.enumerator(at: layout, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var found: [String: Set<String>] = [:]
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for m in source.matches(of: /struct (\w+): (\w+Rule)\b/) {
                found[String(m.2), default: []].insert(String(m.1))
            }
        }
        return found
    }

    func names(_ rules: [Any]) -> Set<String> { Set(rules.map { String(describing: type(of: $0)) }) }

    @Test func everyRuleOfEachDecisionIsRegistered() throws {
        let declared = try declaredRules()
        #expect(declared["RowJoiningRule"] == names(LayoutRules.rowJoining))
        #expect(declared["ColumnSplittingRule"] == names(LayoutRules.columnSplitting))
        #expect(declared["TableLineRule"] == names(LayoutRules.lineClassification))
        #expect(declared["HeaderRowsRule"] == names(LayoutRules.groupedHeaders).union(names(LayoutRules.headerRows)))
        #expect(declared["TableRepairRule"] == names(LayoutRules.tableRepairs))
        // each rule is listed once
        let all: [Any] = LayoutRules.rowJoining + LayoutRules.columnSplitting + LayoutRules.lineClassification
            + LayoutRules.groupedHeaders + LayoutRules.headerRows + LayoutRules.tableRepairs
        #expect(names(all).count == all.count)
    }

    @Test func theFirstHeaderVerdictDecides() {
        // a units row over labels: no grouped-header rule applies, the column-label rule does
        // not (units are no labels), the units rule gives two rows
        let rows = [["", "£000", "£000"], ["Service", "Budget", "Forecast"], ["Children", "1,200", "1,150"]]
        #expect(LayoutRules.groupedHeaders.allSatisfy { $0.headerRows(rows, at: 0) == nil })
        #expect(ColumnLabelRow().headerRows(rows, at: 0) == nil)
        #expect(UnitsRowOverLabels().headerRows(rows, at: 0) == 2)
        #expect(HeaderRowDetector.split(rows).headerRows == 2)
    }

    @Test func proseGoingOnIsRejectedOnlyAsATableStart() {
        let para = geoLine(100, [("This", 50), ("indicator", 65), ("is", 95), ("reported", 103), ("annually", 130), ("and", 157), ("the", 170), ("figure", 182), ("shown", 203)])
        let tail = geoLine(109, [("reviewing", 50), ("performance", 80), ("with", 117), ("managers", 160), ("basis.", 190)])
        #expect(ProseGoesOnIsNoTableRow().rejects([para, tail], at: 1, startsBlock: true))
        // counter-example: the same line inside a table (not opening it) is left to the table
        #expect(!ProseGoesOnIsNoTableRow().rejects([para, tail], at: 1, startsBlock: false))
    }
}
