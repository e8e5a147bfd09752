import Foundation
import Yams
import ScrutinyCore
import Layout
import Normalise
import Extract

/// A pipeline file (`pipelines/*.yml`): the stages in order, each with its options.
///
/// ```yaml
/// name: committee-papers
/// stages:
///   - stage: text
///     options: { ocr: auto, dpi: 300 }
///   - stage: layout
///   - stage: normalise
///   - stage: extract
/// ```
/// `ingest` always runs first and the corpus write always runs last; listing them is allowed.
public struct PipelineFile: Sendable {
    public var name: String
    public var stages: [ConfiguredStage]

    /// A stage with its options, ready to run on any document.
    public struct ConfiguredStage: Sendable {
        public var name: String
        public var version: Int
        /// The options as canonical JSON, part of the cache key.
        public var optionsKey: Data
        let runner: @Sendable (Any, StageContext) throws -> Any
        let encode: @Sendable (Any) throws -> Data
        let decode: @Sendable (Data) throws -> Any
        let inputType: Any.Type
        let outputType: Any.Type
    }

    /// The stages this build knows, by the name pipeline files use.
    public static let registry: [String: @Sendable (Node?) throws -> ConfiguredStage] = [
        TextStage.name: { try configure(TextStage.self, $0) },
        LayoutStage.name: { try configure(LayoutStage.self, $0) },
        NormaliseStage.name: { try configure(NormaliseStage.self, $0) },
        ExtractStage.name: { try configure(ExtractStage.self, $0) },
    ]

    static func configure<S: Stage>(_ stageType: S.Type, _ node: Node?) throws -> ConfiguredStage {
        let options: S.Options
        if let node {
            options = try YAMLDecoder().decode(S.Options.self, from: node)
        } else {
            options = try YAMLDecoder().decode(S.Options.self, from: "{}")
        }
        let stage = S(options: options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ConfiguredStage(
            name: S.name, version: S.version, optionsKey: try encoder.encode(options),
            runner: { input, context in
                guard let typed = input as? S.Input else {
                    throw StageError(stage: S.name, document: "", reason: "wrong input type \(type(of: input))")
                }
                return try stage.run(typed, context: context)
            },
            // Cached outputs in the compact binary format (JSON took ~10% of a born-digital
            // run); the options key above stays JSON: stable and readable.
            encode: { value in try BinaryEncoder().encode(value as! S.Output) },
            decode: { data in try BinaryDecoder().decode(S.Output.self, from: data) },
            inputType: S.Input.self, outputType: S.Output.self)
    }

    /// Parses a pipeline file's text; checks stage names and that each stage's output
    /// type is the next stage's input type.
    public static func parse(_ yaml: String, name fallback: String = "pipeline") throws -> PipelineFile {
        guard let root = try Yams.compose(yaml: yaml), case .mapping(let map) = root else {
            throw PipelineFileError("a pipeline file is a mapping with `stages:`")
        }
        let name = map["name"]?.string ?? fallback
        guard let list = map["stages"]?.sequence else { throw PipelineFileError("no `stages:` list") }
        var stages: [ConfiguredStage] = []
        for item in list {
            let stageName: String
            var options: Node?
            if let s = item.string {
                stageName = s
            } else if let m = item.mapping, let s = m["stage"]?.string ?? m["name"]?.string {
                stageName = s
                options = m["options"]
            } else {
                throw PipelineFileError("each stage is a name or a mapping with `stage:`")
            }
            if stageName == IngestStage.name || stageName == "corpus" { continue }
            guard let make = registry[stageName] else {
                throw PipelineFileError("unknown stage `\(stageName)` (known: \(registry.keys.sorted().joined(separator: ", ")))")
            }
            stages.append(try make(options))
        }
        guard let first = stages.first else { throw PipelineFileError("the pipeline has no stages") }
        guard first.inputType == SourceDocument.self else {
            throw PipelineFileError("the first stage (`\(first.name)`) must take a source document")
        }
        for (a, b) in zip(stages, stages.dropFirst()) where a.outputType != b.inputType {
            throw PipelineFileError("`\(a.name)` produces \(a.outputType) but `\(b.name)` takes \(b.inputType)")
        }
        guard stages.last?.outputType == Extraction.self else {
            throw PipelineFileError("the last stage must produce an extraction (end with `extract`)")
        }
        return PipelineFile(name: name, stages: stages)
    }

    /// Loads a pipeline file from disk.
    public static func load(path: String) throws -> PipelineFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw PipelineFileError("cannot read pipeline file \(path)")
        }
        return try parse(text, name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
    }

    /// The default pipeline, used when no file is given.
    public static let defaultYAML = """
        name: committee-papers
        stages:
          - stage: text
            options: { ocr: auto, dpi: 300 }
          - stage: layout
          - stage: normalise
          - stage: extract
        """
}

/// A pipeline file that cannot be used, with the reason.
public struct PipelineFileError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
