/// A rectangle on a page, in points, origin top-left, y growing downwards.
public struct Box: Codable, Hashable, Sendable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// How much the two boxes overlap vertically, as a share of the shorter one's height.
    public func verticalOverlap(_ other: Box) -> Double {
        let overlap = min(y1, other.y1) - max(y0, other.y0)
        let shorter = min(height, other.height)
        guard shorter > 0 else { return 0 }
        return max(0, overlap) / shorter
    }

    /// The union of a list of boxes, or nil for an empty list.
    public static func enclosing<S: Sequence>(_ boxes: S) -> Box? where S.Element == Box {
        var result: Box?
        for b in boxes { result = result.map { $0.union(b) } ?? b }
        return result
    }
}
