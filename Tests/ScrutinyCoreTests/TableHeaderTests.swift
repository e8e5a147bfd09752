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
