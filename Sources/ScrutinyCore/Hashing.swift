import Crypto
import Foundation

/// SHA-256 helpers for document ids and cache keys.
public enum Hashing {
    /// Lower-case hex SHA-256 of some bytes.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Lower-case hex SHA-256 of a string's UTF-8 bytes.
    public static func sha256(_ string: String) -> String { sha256(Data(string.utf8)) }

    /// SHA-256 of a file, read in chunks so large files need little memory.
    public static func sha256(fileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
