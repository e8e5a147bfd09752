import Testing
import ScrutinyCore
@testable import Extract

/// HTML exports read through the whole pipeline: the cells of spanning headers and
/// values land in their columns, so each indicator's record has its own figures.
@Suite struct HTMLPaperTests {
    static let cover = """
        <html><head><title>Report</title></head><body>
        <h1>Children&#39;s Services Performance Report &ndash; Quarter 3 2024/25</h1>
        <p>Anytown Borough Council</p>
        """

    @Test func aTargetSpanningTwoRowsBelongsToBothAndTheRatingStaysInItsColumn() throws {
        let html = Self.cover + """
            <table>
            <tr><th>Indicator</th><th>Q3 2024/25 Actual</th><th>Target 24/25</th><th>RAG</th></tr>
            <tr><td>NI 060 Percentage of core assessments completed within 35 working days</td><td>67.9%</td>
                <td rowspan="2">85%</td><td>Red</td></tr>
            <tr><td>NI 061 Percentage of child protection plans reviewed on time</td><td>91.5%</td><td>Green</td></tr>
            </table></body></html>
            """
        let records = try extractText(html, name: "paper.html", kind: .html).records
        let ni60 = try #require(records.first { $0.code == "NI 060" })
        #expect(ni60.actual == 67.9 && ni60.target == 85 && ni60.status == "below_target")
        let ni61 = try #require(records.first { $0.code == "NI 061" })
        #expect(ni61.title == "Percentage of child protection plans reviewed on time")
        #expect(ni61.actual == 91.5 && ni61.target == 85 && ni61.status == "on_target")
    }

    @Test func aGroupHeaderSpanningTwoColumnsNamesBoth() throws {
        let html = Self.cover + """
            <table>
            <tr><th rowspan="2">Measure</th><th colspan="2">Q3 2024/25</th><th rowspan="2">RAG</th></tr>
            <tr><th>Actual</th><th>Target</th></tr>
            <tr><td>KPI 12 Number of children missing education</td><td>88</td><td>79</td><td>On track</td></tr>
            </table></body></html>
            """
        let records = try extractText(html, name: "paper.html", kind: .html).records
        let kpi = try #require(records.first { $0.code == "KPI 12" })
        #expect(kpi.actual == 88 && kpi.target == 79 && kpi.status == "on_target")
        #expect(kpi.periodEnd == "2024-12-31")
    }
}
