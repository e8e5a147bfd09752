import Foundation
import ScrutinyCore

/// Which files the pipeline was reading when a run stopped without finishing them (a crash
/// in a C library or a trap, or a `kill -9`): one small file per input under
/// `corpus/attempts/`, named by a hash of the input's path and holding how many runs
/// stopped while it was open. A run writes the marker before it opens the file and removes
/// it once the file is written or failed, so an orderly run leaves none behind.
public struct AttemptLog: Sendable {
    public let folder: URL
    /// Runs that may stop while a file is open before it is left out as the likely cause.
    public static let limit = 2

    public init(folder: URL) { self.folder = folder }

    func url(_ path: String) -> URL { folder.appendingPathComponent(Hashing.sha256(path)) }

    /// How many earlier runs stopped while `path` was being read.
    public func stops(_ path: String) -> Int {
        guard let data = try? Data(contentsOf: url(path)) else { return 0 }
        return Int(String(decoding: data, as: UTF8.self).trimmingWhitespaceAndNewlines()) ?? 0
    }

    /// Marks `path` as open: should this run stop before `finish`, the next one sees one more stop.
    public func begin(_ path: String, stops: Int) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? UnflushedFile.replace(url(path), with: Data("\(stops + 1)\n".utf8))
    }

    /// `path` was written or failed in an orderly way.
    public func finish(_ path: String) { try? FileManager.default.removeItem(at: url(path)) }
}
