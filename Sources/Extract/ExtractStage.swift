import ScrutinyCore
import Normalise

/// The extract stage: document metadata, indicator records, finance lines, activities,
/// tables and entities from a laid-out, normalised document.
public struct ExtractStage: Stage {
    public static let name = "extract"
    /// Raised whenever the stage's output for the same input changes, so cached outputs of
    /// older versions are recomputed rather than reused.
    public static let version = 7

    /// Extract options.
    public struct Options: Codable, Sendable, Hashable {
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public func run(_ input: LaidOutDocument, context: StageContext) throws -> Extraction {
        DocumentExtractor().extract(input)
    }
}
