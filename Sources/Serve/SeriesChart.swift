import Foundation
import Corpus
import ScrutinyCore

/// An SVG line chart of one indicator: actual (solid) and target (dashed) over time, one
/// colour per council, points that miss their target ringed in red, polarity in the title.
///
/// A pure function of the series: the same points always give the same bytes. Used by
/// `scrutiny plot` and inline on the indicator page.
public struct SeriesChart: Sendable {
    public var title: String
    public var unit: String?
    public var polarity: String?
    public var points: [SeriesPoint]
    public var width: Double = 760
    public var height: Double = 380

    public init(title: String, unit: String?, polarity: String?, points: [SeriesPoint]) {
        self.title = title; self.unit = unit; self.polarity = polarity; self.points = points
    }

    /// Colour-blind-safe palette (Okabe–Ito), one per council in alphabetical order.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let margin = (left: 64.0, right: 170.0, top: 44.0, bottom: 48.0)
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
            viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-label="\(Self.escape(title))" \
            font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">

            """
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(f(margin.left))\" y=\"20\" font-size=\"14\" font-weight=\"600\">\(Self.escape(Self.clip(title, 80)))</text>\n"
        out += "<text x=\"\(f(margin.left))\" y=\"36\" fill=\"#555\">\(Self.escape(subtitle))</text>\n"

        // Points with a date and a figure.
        let dated: [(series: String, day: Int, actual: Double?, target: Double?, below: Bool)] = points.compactMap { p in
            let o = p.observation
            guard let day = o.periodEnd.flatMap(Self.dayNumber), o.actual != nil || o.target != nil else { return nil }
            // A paper whose council is unknown gets its own line, never joined to another paper.
            return (o.authority ?? "? " + o.source, day, o.actual, o.target, o.actual != nil && o.isBelowTarget)
        }
        guard !dated.isEmpty else {
            out += "<text x=\"\(f(width / 2))\" y=\"\(f(height / 2))\" text-anchor=\"middle\" fill=\"#777\">No dated figures to plot</text>\n</svg>\n"
            return out
        }
        let values = dated.flatMap { [$0.actual, $0.target].compactMap { $0 } }
        let (lo, hi, ticks) = Self.niceScale(min: values.min()!, max: values.max()!)
        var minDay = dated.map(\.day).min()!, maxDay = dated.map(\.day).max()!
        if minDay == maxDay { minDay -= 45; maxDay += 45 }
        let pad = max(10, (maxDay - minDay) / 30)   // keep end markers off the axes
        minDay -= pad; maxDay += pad
        func x(_ day: Int) -> Double { margin.left + Double(day - minDay) / Double(maxDay - minDay) * plotW }
        func y(_ v: Double) -> Double { margin.top + (1 - (v - lo) / (hi - lo)) * plotH }

        // Axes and grid.
        for t in ticks {
            out += "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left + plotW))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\" stroke=\"#e4e4e4\"/>\n"
            out += "<text x=\"\(f(margin.left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\" fill=\"#444\">\(Self.escape(Self.format(t)))</text>\n"
        }
        out += "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left))\" y1=\"\(f(margin.top))\" y2=\"\(f(margin.top + plotH))\" stroke=\"#888\"/>\n"
        out += "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left + plotW))\" y1=\"\(f(margin.top + plotH))\" y2=\"\(f(margin.top + plotH))\" stroke=\"#888\"/>\n"
        let periods = Array(Set(dated.map(\.day))).sorted()
        for day in Self.labelledPeriods(periods, x: x) {
            out += "<text class=\"x-label\" x=\"\(f(x(day)))\" y=\"\(f(margin.top + plotH + 18))\" text-anchor=\"middle\" fill=\"#444\">\(Self.monthLabel(day))</text>\n"
        }
        if let unit {
            out += "<text x=\"14\" y=\"\(f(margin.top + plotH / 2))\" transform=\"rotate(-90 14 \(f(margin.top + plotH / 2)))\" text-anchor=\"middle\" fill=\"#444\">\(Self.escape(unit))</text>\n"
        }

        // One colour per council.
        let councils = Array(Set(dated.map(\.series))).sorted()
        for (i, council) in councils.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            let mine = dated.filter { $0.series == council }.sorted { $0.day < $1.day }
            let targets = mine.compactMap { p in p.target.map { (p.day, $0) } }
            let actuals = mine.compactMap { p in p.actual.map { (p.day, $0, p.below) } }
            if targets.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"\(targets.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " "))\"/>\n"
            }
            for t in targets {
                out += "<rect x=\"\(f(x(t.0) - 3))\" y=\"\(f(y(t.1) - 3))\" width=\"6\" height=\"6\" fill=\"#fff\" stroke=\"\(colour)\"><title>\(Self.escape("\(council) target \(Self.isoDate(t.0)): \(Self.format(t.1))"))</title></rect>\n"
            }
            if actuals.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"\(actuals.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " "))\"/>\n"
            }
            for a in actuals {
                let label = Self.escape("\(council) actual \(Self.isoDate(a.0)): \(Self.format(a.1))\(a.2 ? " (below target)" : "")")
                if a.2 {
                    out += "<circle cx=\"\(f(x(a.0)))\" cy=\"\(f(y(a.1)))\" r=\"7\" fill=\"none\" stroke=\"#C62828\" stroke-width=\"2\" class=\"below-target\"/>\n"
                }
                out += "<circle cx=\"\(f(x(a.0)))\" cy=\"\(f(y(a.1)))\" r=\"4\" fill=\"\(colour)\"><title>\(label)</title></circle>\n"
            }
            // Legend entry.
            let ly = margin.top + 8 + Double(i) * Self.legendRowHeight
            let lx = margin.left + plotW + 16
            out += "<line x1=\"\(f(lx))\" x2=\"\(f(lx + 22))\" y1=\"\(f(ly))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>\n"
            out += "<text x=\"\(f(lx + 28))\" y=\"\(f(ly + 4))\">\(Self.escape(Self.clip(council, 18)))</text>\n"
        }
        let ky = margin.top + 16 + Double(councils.count) * Self.legendRowHeight
        let kx = margin.left + plotW + 16
        out += "<line x1=\"\(f(kx))\" x2=\"\(f(kx + 22))\" y1=\"\(f(ky))\" y2=\"\(f(ky))\" stroke=\"#555\" stroke-width=\"2.5\"/><text x=\"\(f(kx + 28))\" y=\"\(f(ky + 4))\" fill=\"#555\">actual</text>\n"
        out += "<line x1=\"\(f(kx))\" x2=\"\(f(kx + 22))\" y1=\"\(f(ky + 18))\" y2=\"\(f(ky + 18))\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/><text x=\"\(f(kx + 28))\" y=\"\(f(ky + 22))\" fill=\"#555\">target</text>\n"
        out += "<circle cx=\"\(f(kx + 11))\" cy=\"\(f(ky + 36))\" r=\"6\" fill=\"none\" stroke=\"#C62828\" stroke-width=\"2\"/><text x=\"\(f(kx + 28))\" y=\"\(f(ky + 40))\" fill=\"#555\">below target</text>\n"
        out += "</svg>\n"
        return out
    }

    /// Least distance in pixels between the centres of two x-axis date labels: a `Sep 2013`
    /// label is about 50 px wide at the chart's 12 px font, plus a gap.
    static let minLabelSpacing = 64.0

    /// The periods (sorted day numbers) that get an x-axis label: from the left, each period
    /// at least `minLabelSpacing` pixels right of the last labelled one, and the latest period
    /// always (dropping the labels too close before it), so labels never overlap however
    /// close the periods lie; periods far enough apart are all labelled.
    static func labelledPeriods(_ periods: [Int], x: (Int) -> Double) -> [Int] {
        var labelled: [Int] = []
        for day in periods where labelled.last.map({ x(day) - x($0) >= minLabelSpacing }) ?? true {
            labelled.append(day)
        }
        if let latest = periods.last, labelled.last != latest {
            labelled.removeAll { x(latest) - x($0) < minLabelSpacing }
            labelled.append(latest)
        }
        return labelled
    }

    /// The line under the title: unit and which way is good.
    var subtitle: String {
        let direction: String
        switch polarity {
        case "higher_is_better": direction = "▲ higher is better"
        case "lower_is_better": direction = "▼ lower is better"
        default: direction = "polarity not stated"
        }
        return [unit.map { "unit: \($0)" }, direction].compactMap { $0 }.joined(separator: " · ")
    }

    func f(_ v: Double) -> String { Self.coordinate(v) }

    /// Vertical distance between legend entries, in pixels.
    static let legendRowHeight = 20.0
    /// Coordinates are written to a tenth of a pixel.
    static let coordinateScale = 10.0
    /// A series of one value is drawn on a scale this share wider on each side (at least 1).
    static let flatScalePadding = 0.1
    /// About this many tick intervals on the value axis.
    static let tickCount = 5.0
    /// Tick steps, times a power of ten.
    static let niceSteps = [1.0, 2, 5, 10]

    /// A coordinate with at most one decimal, no trailing `.0`.
    static func coordinate(_ v: Double) -> String {
        let r = (v * coordinateScale).rounded() / coordinateScale
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Axis bounds and tick values at 1, 2 or 5 × 10ⁿ steps covering min…max.
    static func niceScale(min lo: Double, max hi: Double) -> (Double, Double, [Double]) {
        var lo = lo, hi = hi
        if lo == hi { lo -= Swift.max(1, abs(lo) * flatScalePadding); hi += Swift.max(1, abs(hi) * flatScalePadding) }
        if lo > 0 && lo < (hi - lo) { lo = 0 }
        let raw = (hi - lo) / tickCount
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = niceSteps.map { $0 * magnitude }.first { $0 >= raw } ?? niceSteps.last! * magnitude
        let start = (lo / step).rounded(.down) * step, end = (hi / step).rounded(.up) * step
        var ticks: [Double] = []
        var t = start
        while t <= end + step / 2 { ticks.append(t); t += step }
        return (start, end, ticks)
    }

    /// A figure for an axis or tooltip: thousands grouped, at most two decimals.
    static func format(_ v: Double) -> String {
        if abs(v) >= 1_000_000 { return coordinate(v / 1_000_000) + "m" }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 2
        formatter.locale = Locale(identifier: "en_GB")
        return formatter.string(from: NSNumber(value: v)) ?? String(v)
    }

    /// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`), nil when it is not one.
    static func dayNumber(_ iso: String) -> Int? { CalendarDays.dayNumber(iso) }

    /// The ISO date of a day number.
    static func isoDate(_ day: Int) -> String { CalendarDays.isoDate(day) }

    /// `Jun 2013` for an axis label.
    static func monthLabel(_ day: Int) -> String {
        let iso = isoDate(day)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let m = Int(iso.dropFirst(5).prefix(2)) ?? 1
        return "\(months[m - 1]) \(iso.prefix(4))"
    }

    static func clip(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }

    /// Text escaped for XML and HTML content and attribute values.
    public static func escape(_ s: String) -> String { SitePage.escape(s) }
}
