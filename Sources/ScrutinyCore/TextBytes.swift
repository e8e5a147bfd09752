extension StringProtocol {
    /// Whether a text may hold a digit: an ASCII digit, one of the bytes `also`, or any byte
    /// beyond ASCII (an expression's `\d` also matches other scripts' digits). A "no" is
    /// certain, so it is the byte prefilter in front of expressions that need a digit.
    public func mayHoldDigit(orAnyOf also: [UInt8] = []) -> Bool {
        utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 || also.contains($0) }
    }
}
