/// An ISO calendar date written `yyyy-MM-dd`, e.g. `2012-06-30`.
public typealias ISODate = String
