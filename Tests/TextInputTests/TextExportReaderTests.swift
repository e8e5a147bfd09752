import Foundation
import Testing
import ScrutinyCore
@testable import TextInput

@Suite struct InlineMarkupTests {
    @Test func stripsTagsEntitiesAndEmphasisButKeepsALoneStar() {
        #expect(InlineMarkup.strip("<b>CYPS Total</b>") == "CYPS Total")
        #expect(InlineMarkup.strip("<p>One.</p> <p>Two.</p>") == "One. Two.")
        #expect(InlineMarkup.strip("Commissioning &amp; Performance") == "Commissioning & Performance")
        #expect(InlineMarkup.strip("A. Continue to raise *educational standards* for all") == "A. Continue to raise educational standards for all")
        #expect(InlineMarkup.strip("**IMPROVEMENT PLAN 2012/13**") == "IMPROVEMENT PLAN 2012/13")
        #expect(InlineMarkup.strip("78.2%*") == "78.2%*")
        #expect(InlineMarkup.strip("*") == "*")
        #expect(InlineMarkup.strip("&#163;4.5m &#x41;") == "£4.5m A")
    }

    @Test func boldLines() {
        #expect(InlineMarkup.isBold("**Children and Young People's Service**"))
        #expect(InlineMarkup.isBold(" <b>Education</b>"))
        #expect(!InlineMarkup.isBold("Plain text with **some** bold"))
    }

    @Test func aBoldNoteAfterAPlainNameGoesToItsOwnLine() {
        #expect(InlineMarkup.cell("9. Numbers of carers - <b>Awaiting data</b>") == "9. Numbers of carers\n- Awaiting data")
        #expect(InlineMarkup.cell("Care leavers in EET **October data**") == "Care leavers in EET\nOctober data")
        // counter-examples: wholly bold, bold in the middle, plain
        #expect(InlineMarkup.cell("<b>CYPS Total</b>") == "CYPS Total")
        #expect(InlineMarkup.cell("A <b>whole system</b> approach") == "A whole system approach")
        #expect(InlineMarkup.cell("Plain name - no note") == "Plain name - no note")
    }
}

@Suite struct TextExportReaderTests {
    let source = SourceDocument(docID: "x", source: "x.txt", path: "/x.txt", kind: .text, byteCount: 1)

    @Test func tabSeparatedFieldsBecomeCells() throws {
        let doc = try TextExportReader().read(source, data: Data("Measure\tActual\tTarget\n1. Pupils\t78.2%*\t78%\n".utf8))
        let lines = doc.pages[0].lines
        #expect(lines[0].cells == ["Measure", "Actual", "Target"])
        #expect(lines[1].cells == ["1. Pupils", "78.2%*", "78%"])
        #expect(doc.pageCount == nil && doc.pages[0].number == nil && doc.method == .text)
    }

    @Test func headingsAndTabSplitHeadingsUnderlinedByDashes() throws {
        let text = "## Appendix A - Dashboard\n\nPerformance Report\t- Quarter 1\t2012/13\n------\t----\t---\n"
        let lines = try TextExportReader().read(source, data: Data(text.utf8)).pages[0].lines
        #expect(lines[0].headingLevel == 2 && lines[0].cells == ["Appendix A - Dashboard"])
        let heading = lines.first { $0.text.hasPrefix("Performance Report") }
        #expect(heading?.cells == ["Performance Report - Quarter 1 2012/13"])
        #expect(heading?.headingLevel == 2)
        #expect(!lines.contains { $0.text.contains("---") })
    }

    @Test func aPipeTableHeaderOverItsSeparatorIsAHeaderRowNotAHeading() throws {
        let text = "| Code | Indicator | Actual |\n|---|:---|---:|\n| CS01 | Children in care | 412 |\n"
        let lines = try TextExportReader().read(source, data: Data(text.utf8)).pages[0].lines
        #expect(lines[0].cells == ["Code", "Indicator", "Actual"])
        #expect(lines[0].headingLevel == nil && lines[0].bold)
        #expect(lines[1].cells == ["CS01", "Children in care", "412"])
        // counter-example: a tab-split line over a dash row with no pipes stays a heading
        let heading = try TextExportReader().read(source, data: Data("Report\tQuarter 1\n----\t----\n".utf8)).pages[0].lines
        #expect(heading[0].headingLevel == 2 && heading[0].cells == ["Report Quarter 1"])
    }

    @Test func htmlTablesBecomeTabbedRows() throws {
        let html = "<html><body><h1>Report</h1><table><tr><th>PI</th><th>Actual</th></tr><tr><td>NI060</td><td>71%</td></tr></table></body></html>"
        let lines = try TextExportReader().read(source, data: Data(html.utf8)).pages[0].lines.filter { !$0.isBlank }
        #expect(lines.contains { $0.cells == ["PI", "Actual"] })
        #expect(lines.contains { $0.cells == ["NI060", "71%"] })
        #expect(lines.contains { $0.cells == ["Report"] && $0.headingLevel != nil })
    }

    @Test func emptyAndBinaryInputsAreRefusedWithAReason() {
        #expect(throws: UnreadableInput.self) { try TextExportReader().read(source, data: Data()) }
        #expect(throws: UnreadableInput.self) { try TextExportReader().read(source, data: Data([0x41, 0, 0x42])) }
        #expect(throws: UnreadableInput.self) { try TextExportReader().read(source, data: Data("  \n\t\n".utf8)) }
    }

    @Test func malformedUTF8IsReadWithAWarning() throws {
        var bytes = Array("Quarter 1 2012/13 ".utf8)
        bytes += [0xFF, 0xFE]
        let doc = try TextExportReader().read(source, data: Data(bytes))
        #expect(doc.pages[0].warnings.contains { $0.contains("UTF-8") })
        #expect(doc.pages[0].lines[0].text.hasPrefix("Quarter 1 2012/13"))
    }
}
