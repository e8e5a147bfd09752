import ScrutinyCore

/// Finds ruling lines (table borders) in a page image: long horizontal and vertical runs of
/// dark pixels. Pure and geometry-only, so it serves rendered PDF pages and scans alike.
public enum RuleFinder {
    /// Tunables, in points (converted with the image's dpi).
    public struct Options: Sendable, Hashable {
        /// A pixel at or below this grey level counts as ink.
        public var darkLevel: UInt8 = 200
        /// Shortest horizontal rule.
        public var minHorizontal: Double = 14
        /// Shortest vertical rule.
        public var minVertical: Double = 10
        /// Thicker runs are filled areas (shading); their edges are reported as rules.
        public var maxThickness: Double = 3.5
        public init() {}
    }

    /// Ruling lines in `image`, as thin boxes in points (origin top-left).
    public static func rules(in image: GrayImage, options: Options = Options()) -> [Box] {
        let scale = 72 / image.dpi
        let px = { (pt: Double) in max(2, Int((pt / scale).rounded())) }
        let horizontal = segments(image, horizontal: true, minLength: px(options.minHorizontal),
                                  dark: options.darkLevel)
        let vertical = segments(image, horizontal: false, minLength: px(options.minVertical),
                                dark: options.darkLevel)
        let maxThick = max(2, Int((options.maxThickness / scale).rounded()))
        var out: [Box] = []
        func box(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> Box {
            Box(x0: Double(x0) * scale, y0: Double(y0) * scale, x1: Double(x1) * scale, y1: Double(y1) * scale)
        }
        for g in horizontal {
            // g: along = x range, across = y range
            if g.across1 - g.across0 <= maxThick {
                guard !insideFill(image, g, horizontal: true, dark: options.darkLevel) else { continue }
                out.append(box(g.along0, g.across0, g.along1, g.across1))
            } else {
                out.append(box(g.along0, g.across0, g.along1, g.across0 + 1))
                out.append(box(g.along0, g.across1 - 1, g.along1, g.across1))
            }
        }
        for g in vertical where g.across1 - g.across0 <= maxThick && !insideFill(image, g, horizontal: false, dark: options.darkLevel) {
            out.append(box(g.across0, g.along0, g.across1, g.along1))
        }
        // edges of filled areas, as vertical rules
        for g in horizontal where g.across1 - g.across0 > maxThick && g.across1 - g.across0 >= px(options.minVertical) {
            out.append(box(g.along0, g.across0, g.along0 + 1, g.across1))
            out.append(box(g.along1 - 1, g.across0, g.along1, g.across1))
        }
        return out
    }

    /// Whether a thin run has ink on both sides, just clear of it, along half its length or
    /// more: a strip of a filled area left between letters set in white on the fill (a
    /// shaded header), not a drawn rule. A rule has paper on at least one side except where
    /// it crosses other rules or runs beside shading on one side.
    static func insideFill(_ img: GrayImage, _ g: Group, horizontal: Bool, dark: UInt8) -> Bool {
        let before = g.across0 - 2, after = g.across1 + 1
        let limit = horizontal ? img.height : img.width
        guard before >= 0, after < limit, g.along1 > g.along0 else { return false }
        var both = 0
        for a in g.along0..<g.along1 {
            let p = horizontal ? img[a, before] : img[before, a]
            let q = horizontal ? img[a, after] : img[after, a]
            if p <= dark && q <= dark { both += 1 }
        }
        return Double(both) >= PageGeometryTolerances.fillSideShare * Double(g.along1 - g.along0)
    }

    /// A run group: `along` is the run direction, `across` the stacked extent (end exclusive).
    struct Group { var along0: Int; var along1: Int; var across0: Int; var across1: Int }

    /// Dark runs of at least `minLength` pixels along rows (or columns), stacked into groups
    /// where consecutive rows carry runs with nearly the same ends.
    static func segments(_ img: GrayImage, horizontal: Bool, minLength: Int, dark: UInt8) -> [Group] {
        let lines = horizontal ? img.height : img.width
        let runs = darkRuns(img, horizontal: horizontal, minLength: minLength, dark: dark)
        var open: [Group] = []
        var done: [Group] = []
        var next: [Group] = []
        var used: [Bool] = []
        for a in 0..<lines {
            let runs = runs[a]
            if runs.isEmpty {
                // every open group ends here
                if !open.isEmpty { done.append(contentsOf: open); open.removeAll(keepingCapacity: true) }
                continue
            }
            next.removeAll(keepingCapacity: true)
            used.removeAll(keepingCapacity: true)
            used.append(contentsOf: repeatElement(false, count: open.count))
            for r in runs {
                if let k = open.indices.first(where: { !used[$0] && abs(open[$0].along0 - r.0) <= PageGeometryTolerances.runAlignmentPixels && abs(open[$0].along1 - r.1) <= PageGeometryTolerances.runAlignmentPixels }) {
                    used[k] = true
                    var g = open[k]
                    g.along0 = min(g.along0, r.0); g.along1 = max(g.along1, r.1); g.across1 = a + 1
                    next.append(g)
                } else {
                    next.append(Group(along0: r.0, along1: r.1, across0: a, across1: a + 1))
                }
            }
            for k in open.indices where !used[k] { done.append(open[k]) }
            swap(&open, &next)
        }
        return done + open
    }

    /// The dark runs (start, end exclusive) of at least `minLength` pixels of every row (or
    /// column), in order along it. One row-major sweep either way: columns are tracked with
    /// a start per column instead of being walked down the image.
    static func darkRuns(_ img: GrayImage, horizontal: Bool, minLength: Int, dark: UInt8) -> [[(Int, Int)]] {
        let w = img.width, h = img.height
        var out = [[(Int, Int)]](repeating: [], count: horizontal ? h : w)
        img.pixels.withUnsafeBufferPointer { p in
            if horizontal {
                for y in 0..<h {
                    let row = y * w
                    var start = -1
                    for x in 0..<w {
                        if p[row + x] <= dark {
                            if start < 0 { start = x }
                        } else if start >= 0 {
                            if x - start >= minLength { out[y].append((start, x)) }
                            start = -1
                        }
                    }
                    if start >= 0, w - start >= minLength { out[y].append((start, w)) }
                }
            } else {
                var start = [Int](repeating: -1, count: w)
                for y in 0..<h {
                    let row = y * w
                    for x in 0..<w {
                        if p[row + x] <= dark {
                            if start[x] < 0 { start[x] = y }
                        } else if start[x] >= 0 {
                            if y - start[x] >= minLength { out[x].append((start[x], y)) }
                            start[x] = -1
                        }
                    }
                }
                for x in 0..<w where start[x] >= 0 && h - start[x] >= minLength { out[x].append((start[x], h)) }
            }
        }
        return out
    }
}
