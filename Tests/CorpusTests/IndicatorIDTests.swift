import Testing
@testable import Corpus

/// Code normalisation and catalogue ids: pure functions.
@Suite struct IndicatorIDTests {
    @Test(arguments: [
        ("NI 60", "NI060"), ("NI060", "NI060"), ("NI 060", "NI060"), ("ni60", "NI060"), ("NI-60", "NI060"),
        ("NI 0060", "NI060"), ("NI059P", "NI059P"), ("NI 59 P", "NI059P"), ("NI 117", "NI117"),
        ("PAF C23", "PAF C23"), ("PAFC23", "PAF C23"), ("PAF-C23", "PAF C23"), ("paf a70", "PAF A70"),
        ("BVPI 156", "BV156"), ("BV156", "BV156"),
    ])
    func nationalCodes(raw: String, expected: String) {
        #expect(IndicatorID.nationalCode(raw) == expected)
    }

    @Test(arguments: ["CS143", "2042SC", "PI 1176", "NIGHT 1", "NI", "", "NI 60 / CS143", "LPI 12", "KPI 7"])
    func localOrNotCodes(raw: String) {
        #expect(IndicatorID.nationalCode(raw) == nil)
    }

    @Test func idsUseNationalCodesElseTitle() {
        #expect(IndicatorID.id(code: "NI 60", title: "Core assessments") == "code:NI060")
        #expect(IndicatorID.id(code: "CS143", title: "Percentage of  Core Assessments!") == "title:percentage of core assessments")
        #expect(IndicatorID.id(code: nil, title: "% of children – looked after") == "title:% of children looked after")
        #expect(IndicatorID.id(code: "NI060", title: "x") == IndicatorID.id(code: "NI 060", title: "y"))
    }

    @Test func titleNormalisationFoldsCaseAccentsAndPunctuation() {
        #expect(IndicatorID.normalisedTitle("  Café   Réouverture, (Q2) ") == "cafe reouverture q2")
        #expect(IndicatorID.code(ofID: "code:NI060") == "NI060")
        #expect(IndicatorID.code(ofID: "title:ni060") == nil)
    }
}
