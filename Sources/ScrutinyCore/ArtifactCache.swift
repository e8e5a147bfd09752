import Foundation

/// Stores each stage's output per document on disk, keyed by a hash of
/// (the input's key, the stage's name and version, its options).
///
/// Files live under `ROOT/<stage>/<key>.bin`, in the compact format of ``BinaryEncoder``
/// (magic and format version first, so an entry in another format is a miss), then a
/// trailer: `SCRT` and the entry's length. Writes go to a temporary file that is renamed
/// into place, so a killed run never leaves a half-written artifact. They are not flushed
/// to disk (no fsync): an entry a power cut loses or tears fails its trailer check and is
/// recomputed, and flushing every artifact cost more than laying out a short paper.
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

    /// Stores an already encoded output atomically (see the type's note on flushing).
    public func store(encoded data: Data, stage: String, key: String) throws {
        let target = url(stage: stage, key: key)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var trailer = Data(Self.trailerMark)
        withUnsafeBytes(of: UInt64(data.count).littleEndian) { trailer.append(contentsOf: $0) }
        try UnflushedFile.replace(target, with: data, trailer) // the entry is not copied to add its trailer
    }

    /// The encoded output, if cached and whole (its trailer matches).
    public func data(stage: String, key: String) -> Data? {
        guard let file = try? Data(contentsOf: url(stage: stage, key: key)) else { return nil }
        let trailer = Self.trailerMark.count + MemoryLayout<UInt64>.size
        guard file.count >= trailer else { return nil }
        let body = file.count - trailer
        guard file[body..<(body + Self.trailerMark.count)].elementsEqual(Self.trailerMark) else { return nil }
        var stored: UInt64 = 0
        withUnsafeMutableBytes(of: &stored) { _ = file[(body + Self.trailerMark.count)...].copyBytes(to: $0) }
        return UInt64(littleEndian: stored) == UInt64(body) ? file.prefix(body) : nil
    }

    /// Marks the end of an entry, before its length.
    static let trailerMark: [UInt8] = Array("SCRT".utf8)

    /// Whether an output is cached.
    public func contains(stage: String, key: String) -> Bool {
        FileManager.default.fileExists(atPath: url(stage: stage, key: key).path)
    }
}

/// Replaces a file's contents atomically without flushing them to disk: the bytes go to a
/// temporary file beside it, renamed over it, so a killed process leaves the old file or the
/// new one, never part of one. No fsync: for files whose loss in a power cut is harmless
/// (the artifact cache, run markers); a flush per file cost more than a short paper's work.
public enum UnflushedFile {
    /// Replaces `target` with `parts`, written one after the other.
    public static func replace(_ target: URL, with parts: Data...) throws {
        let temp = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp]) }
        let written = parts.allSatisfy { part in
            part.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    offset += n
                }
                return true
            }
        }
        let closed = close(fd) == 0
        guard written, closed, rename(temp, target.path) == 0 else {
            unlink(temp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }
}

/// A file's size from `stat`: Foundation's `attributesOfItem` also looks up the owner's
/// user and group names, three reads of `/etc` per file of a batch.
public enum FileSize {
    /// The size in bytes of the file at `path`, or nil when it cannot be read.
    public static func of(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }
}
