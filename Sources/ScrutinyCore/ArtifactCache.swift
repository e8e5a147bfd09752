import Foundation

/// Stores each stage's output per document on disk, keyed by a hash of
/// (the input's key, the stage's name and version, its options).
///
/// Files live under `ROOT/<stage>/<key>.bin`, in the compact format of ``BinaryEncoder``
/// (magic and format version first, so an entry in another format is a miss); writes go to
/// a temporary file and are renamed into place, so a killed run never leaves a half-written
/// artifact.
public struct ArtifactCache: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The key of a stage's output given its input's key.
    public static func key(inputKey: String, stage: String, version: Int, options: Data) -> String {
        Hashing.sha256("\(inputKey)\n\(stage)\n\(version)\n" + (String(data: options, encoding: .utf8) ?? ""))
    }

    func url(stage: String, key: String) -> URL {
        root.appendingPathComponent(stage).appendingPathComponent("\(key).bin")
    }

    /// The cached output, or nil if none (or unreadable: it is then recomputed).
    public func load<T: Decodable>(_ type: T.Type, stage: String, key: String) -> T? {
        guard let data = data(stage: stage, key: key) else { return nil }
        return try? BinaryDecoder().decode(T.self, from: data)
    }

    /// Stores an output atomically.
    public func store<T: Encodable>(_ value: T, stage: String, key: String) throws {
        try store(encoded: try BinaryEncoder().encode(value), stage: stage, key: key)
    }

    /// Stores an already encoded output atomically.
    public func store(encoded data: Data, stage: String, key: String) throws {
        let target = url(stage: stage, key: key)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target, options: .atomic)
    }

    /// The encoded output, if cached.
    public func data(stage: String, key: String) -> Data? {
        try? Data(contentsOf: url(stage: stage, key: key))
    }

    /// Whether an output is cached.
    public func contains(stage: String, key: String) -> Bool {
        FileManager.default.fileExists(atPath: url(stage: stage, key: key).path)
    }
}
