import Foundation
import Testing
import ScrutinyCore
@testable import TextInput

@Suite struct HTMLExportReaderTests {
    let source = SourceDocument(docID: "h", source: "paper.html", path: "/paper.html", kind: .html, byteCount: 1)

    func rows(_ html: String) throws -> [[String]] {
        try TextExportReader().read(source, data: Data(html.utf8)).pages[0].lines.filter { !$0.isBlank }.map(\.cells)
    }

    @Test func aSpanningHeaderAndARowspanValueKeepEveryCellInItsColumn() throws {
        let html = """
            <html><body><table>
            <thead>
              <tr><th rowspan="2">Indicator</th><th colspan="2">Quarter 1 2012/13</th><th rowspan="2">Lead</th></tr>
              <tr><th>Actual</th><th>Target</th></tr>
            </thead>
            <tbody>
              <tr><td>NI060 Assessments</td><td>71%</td><td rowspan="2">80%</td><td>J Smith</td></tr>
              <tr><td>NI061 Reviews</td><td>65%</td><td>A Jones</td></tr>
            </tbody></table></body></html>
            """
        #expect(try rows(html) == [
            ["Indicator", "Quarter 1 2012/13", "", "Lead"],
            ["", "Actual", "Target", ""],
            ["NI060 Assessments", "71%", "80%", "J Smith"],
            ["NI061 Reviews", "65%", "80%", "A Jones"],
        ])
    }

    @Test func aBodyCellSpanningColumnsLeavesEmptyCellsAfterIt() throws {
        let html = "<table><tr><td>PI</td><td>Actual</td><td>Target</td></tr><tr><td colspan=3>Children in care</td></tr><tr><td>NI062</td><td>9%</td><td>10%</td></tr></table>"
        #expect(try rows(html) == [["PI", "Actual", "Target"], ["Children in care", "", ""], ["NI062", "9%", "10%"]])
    }

    @Test func aPlainTableWithoutSpansReadsAsBefore() throws {
        let html = "<html><body><h1>Report</h1><table><tr><th>PI</th><th>Actual</th><th>Target</th></tr><tr><td>NI060</td><td>71%</td><td>80%</td></tr><tr><td>NI061</td><td>65%</td><td>70%</td></tr></table></body></html>"
        let lines = try TextExportReader().read(source, data: Data(html.utf8)).pages[0].lines.filter { !$0.isBlank }
        #expect(lines.map(\.cells) == [["Report"], ["PI", "Actual", "Target"], ["NI060", "71%", "80%"], ["NI061", "65%", "70%"]])
        #expect(lines[0].headingLevel == 1 && lines[0].bold)
    }

    @Test func entitiesAreDecodedOnceAndAnEscapedTagStaysText() throws {
        let html = "<html><body><p>Commissioning &amp; Performance &ndash; &pound;4.5m&nbsp;spent &#8217;&#x41;</p><table><tr><td>Children &amp; Families</td><td>&pound;1,186</td></tr><tr><td>&lt;b&gt;</td><td>&amp;amp;</td></tr></table></body></html>"
        #expect(try rows(html) == [["Commissioning & Performance – £4.5m spent ’A"], ["Children & Families", "£1,186"], ["<b>", "&amp;"]])
    }

    @Test func aCharsetDeclaredInThePageDoesNotReencodeTheDecodedText() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><meta charset=\"iso-8859-1\"></head><body><p>£5 – café</p></body></html>"
        #expect(try rows(html) == [["£5 – café"]])
    }

    @Test func paragraphsListsAndBreaksBecomeLinesAndScriptIsNotText() throws {
        let html = """
            <html><head><title>Ignore me</title><style>td { color: red }</style></head><body>
            <script>var x = "<table><tr><td>1</td><td>2</td></tr></table>";</script>
            <p>First paragraph
               over two source lines.</p><p><b>A bold line</b></p>
            <ul><li>One</li><li>Two</li></ul>Line one<br>Line two
            </body></html>
            """
        let lines = try TextExportReader().read(source, data: Data(html.utf8)).pages[0].lines
        #expect(lines.filter { !$0.isBlank }.map(\.text) == ["First paragraph over two source lines.", "A bold line", "- One", "- Two", "Line one", "Line two"])
        #expect(lines.first { $0.text == "A bold line" }?.bold == true)
        // paragraphs are parted by a blank line, list items are not
        let i = try #require(lines.firstIndex { $0.text == "First paragraph over two source lines." })
        #expect(lines[i + 1].isBlank)
        let one = try #require(lines.firstIndex { $0.text == "- One" })
        #expect(lines[one + 1].text == "- Two")
    }

    @Test func aTrailingBoldNoteInACellGoesToItsOwnLine() throws {
        let html = "<table><tr><td>9. Numbers of carers - <b>Awaiting data</b></td><td>12</td></tr><tr><td><b>CYPS Total</b></td><td><b>30</b></td></tr></table>"
        let lines = try TextExportReader().read(source, data: Data(html.utf8)).pages[0].lines.filter { !$0.isBlank }
        #expect(lines.map(\.cells) == [["9. Numbers of carers\n- Awaiting data", "12"], ["CYPS Total", "30"]])
        #expect(!lines[0].bold && lines[1].bold)
    }

    @Test func malformedHTMLIsReadAsFarAsItGoesWithoutCrashing() throws {
        let html = "<html><body><p>Hello <b>bold<table><tr><td>A<td>1<tr><td colspan=99999999999999>B<td rowspan=-3>2</table><div><<>>&#xFFFFFFFF;&bogus; <td rowspan=40>x</body></html><p"
        let lines = try rows(html)
        #expect(lines.contains(["A", "1"]))
        #expect(lines.contains { $0.first == "B" && $0.count == SpannedCellGrid.maxSpan + 1 })
        _ = try? TextExportReader().read(source, data: Data("<table><tr><td rowspan=5 colspan=5>".utf8))
        _ = try? TextExportReader().read(source, data: Data(String(repeating: "<div><table><tr><td>", count: 2000).utf8))
    }

    @Test func aLessThanSignInATextExportStaysText() {
        #expect(InlineMarkup.strip("Rate <5% of <b>cases</b>") == "Rate <5% of cases")
        #expect(InlineMarkup.strip("Rate <5% & falling") == "Rate <5% & falling")
    }
}
