/// The kind of quantity a parsed figure measures.
public enum FigureUnit: String, Sendable, Hashable, Codable {
    case percent
    case money
    case number
}

/// One figure read from a cell: its value (percent in percent, money in pounds) and unit.
public struct Figure: Sendable, Hashable {
    public var value: Double
    public var unit: FigureUnit

    public init(value: Double, unit: FigureUnit) {
        self.value = value
        self.unit = unit
    }
}
