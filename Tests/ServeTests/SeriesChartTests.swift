import Foundation
import Testing
@testable import Corpus
@testable import Serve

/// The chart's x-axis: date labels are thinned by the pixels between them, not by count.
@Suite struct SeriesChartAxisTests {
    /// One council's series with a figure at each ISO date.
    static func chart(_ dates: [String]) -> SeriesChart {
        let points = dates.enumerated().map { i, date in
            SeriesPoint(observation: SeriesObservation(authority: "Doncaster", periodEnd: date, actual: Double(60 + i % 7),
                                                       target: 65, docID: "d", source: "p.pdf", page: 1, documentDate: date),
                        sources: [SeriesSource(docID: "d", source: "p.pdf", page: 1)])
        }
        return SeriesChart(title: "Core assessments", unit: "%", polarity: "higher_is_better", points: points)
    }

    /// The x positions and texts of the chart's date labels, left to right.
    static func xLabels(_ svg: String) -> [(x: Double, text: String)] {
        svg.components(separatedBy: "<text class=\"x-label\" x=\"").dropFirst().map { rest in
            let x = Double(rest.prefix { $0 != "\"" })!
            let text = rest.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" }
            return (x, String(text))
        }
    }

    static func iso(_ day: Int) -> String { SeriesChart.isoDate(day) }

    /// Many periods close together (two years of months after one period eight years earlier;
    /// forty consecutive days then one a year on): every label at least the minimum spacing
    /// from the next. Thinning by count (every ⌈n/8⌉th period) put these 8–20 px apart.
    static let monthsAfterALongGap: [String] = {
        let months: [String] = (0..<24).map { (m: Int) -> String in String(format: "%04d-%02d-28", 2012 + m / 12, m % 12 + 1) }
        return ["2004-03-31"] + months
    }()
    static let daysThenAYearOn: [String] = {
        let start = SeriesChart.dayNumber("2013-01-01")!
        let days: [String] = (0..<40).map { (d: Int) -> String in iso(start + d) }
        return days + ["2014-01-01"]
    }()

    @Test(arguments: [monthsAfterALongGap, daysThenAYearOn])
    func closePeriodsGetLabelsAtLeastTheMinimumSpacingApart(dates: [String]) {
        let labels = Self.xLabels(Self.chart(dates).svg())
        #expect(labels.count >= 2)
        #expect(labels.count < dates.count)
        for (a, b) in zip(labels, labels.dropFirst()) {
            #expect(b.x - a.x >= SeriesChart.minLabelSpacing, "\(a.text) at \(a.x), \(b.text) at \(b.x)")
        }
        // The earliest and the latest period are labelled: the far-off period is not dropped.
        #expect(labels.first?.text == SeriesChart.monthLabel(SeriesChart.dayNumber(dates.first!)!))
        #expect(labels.last?.text == SeriesChart.monthLabel(SeriesChart.dayNumber(dates.last!)!))
    }

    /// Few periods, far apart: every one labelled.
    @Test func fewPeriodsAreAllLabelled() {
        let dates = ["2012-06-30", "2012-09-30", "2012-12-31", "2013-03-31"]
        let labels = Self.xLabels(Self.chart(dates).svg())
        #expect(labels.map(\.text) == ["Jun 2012", "Sep 2012", "Dec 2012", "Mar 2013"])
    }

    /// The thinning rule on its own: from the left, each label the minimum spacing past the
    /// last, and the latest period always.
    @Test func labelledPeriodsKeepsTheMinimumSpacing() {
        let s = SeriesChart.minLabelSpacing
        let xs: [Int: Double] = [1: 0, 2: s / 2, 3: s, 4: s * 1.5, 5: s * 3]
        #expect(SeriesChart.labelledPeriods([1, 2, 3, 4, 5]) { xs[$0]! } == [1, 3, 5])
        // The latest period is labelled, the one too close before it dropped.
        #expect(SeriesChart.labelledPeriods([1, 2, 3, 4]) { xs[$0]! } == [1, 4])
        #expect(SeriesChart.labelledPeriods([]) { _ in 0 } == [])
    }
}
