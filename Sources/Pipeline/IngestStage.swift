import Foundation
import ScrutinyCore

/// The ingest stage: identifies a file (SHA-256 of its bytes) and decides its kind from
/// its first bytes and name. Rejects what the pipeline cannot read with a one-line reason.
public struct IngestStage: Sendable {
    public static let name = "ingest"
    public static let version = 1

    /// Refuse files larger than this many bytes.
    public var maxBytes: Int

    public init(maxBytes: Int = 512 << 20) { self.maxBytes = maxBytes }

    public func run(path: String) throws -> SourceDocument {
        let url = URL(fileURLWithPath: path)
        guard let size = FileSize.of(path) else { throw UnreadableInput("cannot open the file") }
        if size == 0 { throw UnreadableInput("empty file (0 bytes)") }
        if size > maxBytes { throw UnreadableInput("file is \(size >> 20) MiB, over the \(maxBytes >> 20) MiB limit") }
        let head: Data
        do {
            let h = try FileHandle(forReadingFrom: url)
            defer { try? h.close() }
            head = try h.read(upToCount: 1024) ?? Data()
        } catch { throw UnreadableInput("cannot read the file") }
        let kind = try Self.kind(of: head, name: url.lastPathComponent)
        let docID = try Hashing.sha256(fileAt: url)
        return SourceDocument(docID: docID, source: url.lastPathComponent, path: url.path, kind: kind, byteCount: size)
    }

    /// The kind of a file from its first bytes, falling back to its extension.
    public static func kind(of head: Data, name: String) throws -> SourceKind {
        let bytes = [UInt8](head.prefix(8))
        let ext = (name as NSString).pathExtension.lowercased()
        if head.range(of: Data("%PDF-".utf8)).map({ $0.lowerBound < 1024 }) == true { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return .image
        }
        if ext == "pdf" { throw UnreadableInput("not a PDF: no %PDF header in a .pdf file") }
        if ["png", "jpg", "jpeg", "tif", "tiff"].contains(ext) { throw UnreadableInput("not a readable image") }
        switch ext {
        case "html", "htm", "xhtml": return .html
        case "md", "markdown": return .markdown
        default:
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw UnreadableInput("a zip archive, not a paper") }
            return .text
        }
    }
}
