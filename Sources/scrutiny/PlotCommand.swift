import ArgumentParser
import Foundation
import Corpus
import Serve

/// `scrutiny plot`: an indicator's series as an SVG chart.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Write an indicator's series (actual and target per council) as an SVG chart.",
        discussion: "Example: scrutiny plot --corpus corpus NI060 --out ni060.svg")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "Only this council (case-insensitive).")
    var authority: String?

    @Option(help: "The SVG file to write.")
    var out: String

    @Argument(help: "Indicator code, catalogue id, or title words.")
    var indicator: [String]

    func run() throws {
        let (info, points) = try IndicatorLookup.series(indicator, authority: authority, in: corpusOptions)
        let svg = SeriesChart(title: info.title, unit: info.unit, polarity: info.polarity, points: points).svg()
        let url = URL(fileURLWithPath: out)
        try Data(svg.utf8).write(to: url, options: .atomic)
        print("\(url.path): \(info.id), \(points.count) points")
    }
}
