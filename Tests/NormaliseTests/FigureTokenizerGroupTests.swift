import Foundation
import Testing
@testable import Normalise

/// `FigureTokenizer.NumberGroup` numbers the named groups of `FigureTokenizer.number` as
/// the expression does, so reading a group by number reads the group of that name.
struct FigureTokenizerGroupTests {
    @Test func groupNumbersAreTheNamedGroupsNumbers() throws {
        let regex = try NSRegularExpression(pattern: FigureTokenizer.number)
        let names: [(String, FigureTokenizer.NumberGroup)] = [("open", .open), ("sign", .sign), ("cur", .cur),
                                                              ("num", .num), ("suf", .suf), ("frac", .frac),
                                                              ("close", .close)]
        #expect(regex.numberOfCaptureGroups == names.count)
        for text in ["(-£1,234.5m)", "-3 / 4", "(12%)", "£2.5bn", "117/147", ".5k"] {
            let m = try #require(regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)))
            for (name, group) in names { #expect(m.range(withName: name) == m.range(at: group.rawValue), "\(text) \(name)") }
        }
    }
}
