import Foundation

/// A URL's query string read the way an HTML form with `method="get"` writes it
/// (`application/x-www-form-urlencoded`): `name=value` pairs parted by `&`, a `+` for each
/// space, other bytes as `%XX`. The site's own search form sends `agency staff` as
/// `q=agency+staff`; a literal `+` arrives as `%2B`.
public struct FormQuery: Sendable {
    /// The decoded pairs, in order.
    public let pairs: [(name: String, value: String)]

    /// Reads the raw (still encoded) query string, without its `?`.
    public init(_ query: String?) {
        pairs = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value given for `name`.
    public func value(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// `+` as a space, then percent-decoding; a malformed escape (`%zz`) is left as written.
    static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
