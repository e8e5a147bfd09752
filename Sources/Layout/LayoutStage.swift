import ScrutinyCore

/// The layout stage: running headers/footers out, tables found and rejoined, blocks in
/// reading order. The same models come out whatever produced the text.
public struct LayoutStage: Stage {
    public static let name = "layout"
    /// Raised whenever the stage's output for the same input changes, so cached outputs of
    /// older versions are recomputed rather than reused.
    public static let version = 7

    /// Layout options (none yet beyond the defaults).
    public struct Options: Codable, Sendable, Hashable {
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public func run(_ input: DocumentText, context: StageContext) throws -> LaidOutDocument {
        let (pages, pageHeaders) = GeometricLayout.prepare(input.pages)
        let (blocks, repeatedHeadings) = RepeatedHeadingDetector.extract(TableAssembler().blocks(for: pages))
        let headers = pageHeaders + repeatedHeadings.filter { !pageHeaders.contains($0) }
        let warnings = pages.flatMap { p in p.warnings.map { w in p.number.map { "page \($0): \(w)" } ?? w } }
        return LaidOutDocument(source: input.source, method: input.method, pageCount: input.pageCount,
                               blocks: blocks, runningHeaders: headers, warnings: warnings)
    }
}
