import Testing
@testable import ScrutinyCore

@Suite struct TableHeaderTests {
    @Test func groupLabelIsPrefixedAndBlankLeavesTakeTheLabelAbove() {
        let rows = [["Measure", "Actual", "Performance Against:", "", "", "Any Comments"],
                    ["", "", "Similar Authorities", "Previous Value", "Current Target", ""]]
        #expect(TableHeader.leafLabels(rows) == ["Measure", "Actual", "Performance Against: Similar Authorities",
                                                 "Performance Against: Previous Value",
                                                 "Performance Against: Current Target", "Any Comments"])
    }

    @Test func singleRowIsKeptAsPrinted() {
        #expect(TableHeader.leafLabels([["PI", "Actual", "", "SCORE"]]) == ["PI", "Actual", "", "SCORE"])
    }
}

@Suite struct TextSimilarityTests {
    @Test func ratioIgnoresCaseSpacingAndPunctuation() {
        #expect(TextSimilarity.ratio("Actual (As at", "actual as at") == 1)
        #expect(TextSimilarity.ratio("", "") == 1)
        #expect(TextSimilarity.ratio("abc", "") == 0)
        #expect(abs(TextSimilarity.ratio("Authorities", "Authoritles") - 10.0 / 11.0) < 1e-9)
        #expect(TextSimilarity.editDistance(Array("kitten"), Array("sitting")) == 3)
    }
}
