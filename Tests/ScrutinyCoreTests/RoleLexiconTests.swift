import Foundation
import Testing
@testable import ScrutinyCore

/// The role lexicon: the most specific vocabulary wins, period words say when, not what.
@Suite struct RoleLexiconTests {
    @Test func labelsNameTheirRoles() {
        #expect(RoleLexicon.role(ofLabel: "Q3 2024/25 Actual") == .actual)
        #expect(RoleLexicon.role(ofLabel: "Target 21/22") == .target)
        #expect(RoleLexicon.role(ofLabel: "Current target") == .target)
        #expect(RoleLexicon.role(ofLabel: "Latest") == .actual)
        #expect(RoleLexicon.role(ofLabel: "Floor standard") == .floor)
        #expect(RoleLexicon.role(ofLabel: "Last quarter") == .previous)
        #expect(RoleLexicon.role(ofLabel: "Statistical neighbours") == .similarAuthorities)
        #expect(RoleLexicon.role(ofLabel: "England average") == .national)
        #expect(RoleLexicon.role(ofLabel: "DoT") == .trend)
        #expect(RoleLexicon.role(ofLabel: "Direction of travel") == .trend)
        #expect(RoleLexicon.role(ofLabel: "Performance Against: Similar Authorities") == .similarAuthorities)
    }

    @Test func theMoreSpecificVocabularyWins() {
        #expect(RoleLexicon.role(ofLabel: "RAG Previous") == .status, "a rating of the previous period, not its figure")
        #expect(RoleLexicon.role(ofLabel: "Below target") == nil, "a count of indicators below target is no target")
        #expect(RoleLexicon.role(ofLabel: "Current budget") == .budget)
        #expect(RoleLexicon.role(ofLabel: "Jul-24") == nil)
    }

    @Test func shortLabelsOnlyDownTheSide() {
        #expect(RoleLexicon.role(ofRowLabel: "RAG rating") == .status)
        #expect(RoleLexicon.role(ofRowLabel: "KPI 16 Percentage of children becoming subject to a plan for a second time") == nil)
    }

    @Test func periodLabels() {
        for label in ["Jul-24", "Apr 24", "April 2024", "Q3", "Quarter 3", "Q3 24/25", "2024/25", "24/25", "2024-25", "2024/2025", "30/06/2024"] {
            #expect(RoleLexicon.isPeriodLabel(label), "\(label)")
        }
        for label in ["Target", "Number of children", "12 months", "NI 060"] {
            #expect(!RoleLexicon.isPeriodLabel(label), "\(label)")
        }
    }

    /// The shortcut never says no to a label the expression matches: checked on every
    /// spelling above and on labels built from month names, digits and separators.
    @Test func thePeriodShortcutNeverRefusesAPeriod() {
        var labels = ["Sept", "March", "dec.", "Q4", "FY 2023/24", "Jun '24", "Octobre", "Mayor", "Total", "Apr–Jun", "٢٠٢٤/٢٥"]
        for m in ["Jan", "feb", "MAR", "April", "Sept"] {
            for y in ["", " 24", "-2024", " '12"] { labels.append(m + y) }
        }
        for label in labels {
            let t = label.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;*()"))
            if t.matches(pattern: RoleLexicon.periodLabel) { #expect(RoleLexicon.mayBePeriodLabel(t), "\(label)") }
        }
        // counter-examples: words with no digit and no month name are refused without the expression
        #expect(!RoleLexicon.mayBePeriodLabel("Target") && !RoleLexicon.mayBePeriodLabel("Actual"))
    }

    /// The period-in-label shortcut never skips a label the expression finds a period in:
    /// checked on generated labels of role words, periods, brackets and other scripts' digits.
    @Test func thePeriodInLabelShortcutNeverSkipsAPeriod() {
        let pieces = ["target", "actual", " ", "q3", "qtr 2", "quarter 4", "2024/25", "24-25", "(as at dec)", "(to date)",
                      "jan", "sept '24", "2012", "19", "٢٠٢٤", "–", "/", "(", ")", "value"]
        let rx = PatternCache.regex(RoleLexicon.periodInLabel)
        var skipped = 0, found = 0
        for label in generatedLabels(pieces, count: 20_000, seed: 0x1357_2468_ACE0_BDF1) {
            let hit = rx.firstMatch(in: label, range: NSRange(label.startIndex..., in: label)) != nil
            #expect(RoleLexicon.mayHoldPeriod(label) || !hit, "\(label.debugDescription)")
            if hit { found += 1 }
            if !RoleLexicon.mayHoldPeriod(label) { skipped += 1 }
        }
        #expect(found > 1_000 && skipped > 1_000)
        // counter-example: a label with a period keeps the expression
        #expect(RoleLexicon.mayHoldPeriod("target 2024/25") && !RoleLexicon.mayHoldPeriod("target"))
    }

    func generatedLabels(_ pieces: [String], count: Int, seed start: UInt64) -> [String] {
        var seed = start
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        return (0..<count).map { _ in (0..<(1 + next() % 5)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    @Test func statusAndTrendValues() {
        #expect(RoleLexicon.isStatusValue("AMBER") && RoleLexicon.isStatusValue("On track") && RoleLexicon.isStatusValue("(Green)"))
        #expect(!RoleLexicon.isStatusValue("Greenwich"))
        #expect(RoleLexicon.isTrendValue("↓") && RoleLexicon.isTrendValue("No change"))
        #expect(!RoleLexicon.isTrendValue("Number of children"))
    }
}
