extension String {
    /// The text's lines, as `split(separator: "\n", omittingEmptySubsequences:)` gives
    /// them, as strings. Most cells hold no line feed: such a text is its one line, without
    /// walking its characters (a line feed is a character of its own unless it follows a
    /// carriage return or precedes a combining mark, and all of those have its byte).
    public func lines(omittingEmpty: Bool) -> [String] {
        guard utf8.contains(0x0A) else { return isEmpty && omittingEmpty ? [] : [self] }
        return split(separator: "\n", omittingEmptySubsequences: omittingEmpty).map(String.init)
    }
}
