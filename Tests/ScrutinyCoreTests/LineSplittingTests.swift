import Testing
import ScrutinyCore

/// `lines(omittingEmpty:)` gives what `split(separator: "\n")` gives, with and without empty lines.
struct LineSplittingTests {
    @Test func linesAreTheSplitAtLineFeeds() {
        for text in ["", "\n", "one", "a\nb", "a\n\nb\n", "\na", "crlf\r\nkept", "lf\n\u{301}mark", "é\nü", "  \n  "] {
            for omitting in [true, false] {
                let split = text.split(separator: "\n", omittingEmptySubsequences: omitting).map(String.init)
                #expect(text.lines(omittingEmpty: omitting) == split, "\(text.debugDescription) \(omitting)")
            }
        }
    }
}
