import Foundation
import Pipeline

/// Shows a batch's progress on stderr: on a terminal a bar redrawn in place (documents,
/// pages, pages/s, ETA, failures); otherwise a plain line every few seconds. Failures and
/// warnings are printed as they happen, one line each.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let interval: TimeInterval
    private let verbose: Bool
    private var lastDraw = Date.distantPast
    private var pages = 0, failed = 0, done = 0, total = 0
    private var barShown = false

    init(verbose: Bool, interval: TimeInterval = 5) {
        self.verbose = verbose
        self.interval = interval
    }

    /// A failure or warning line.
    func message(_ line: String) {
        lock.withLock {
            clearBar()
            write(line + "\n")
        }
    }

    /// A finished document.
    func document(_ event: BatchRunner.DocumentEvent) {
        lock.withLock {
            pages += event.pages
            done = event.done
            total = event.total
            if case .failed = event.outcome { failed += 1 }
            if verbose {
                clearBar()
                write("[\(event.done)/\(event.total)] \((event.path as NSString).lastPathComponent) \(event.outcome)\n")
            }
            let now = Date()
            let last = event.done == event.total
            if isTerminal {
                if now.timeIntervalSince(lastDraw) > 0.1 || last { drawBar(); lastDraw = now }
                if last { write("\n"); barShown = false }
            } else if now.timeIntervalSince(lastDraw) >= interval || last {
                write(statusLine() + "\n")
                lastDraw = now
            }
        }
    }

    private func statusLine() -> String {
        let elapsed = max(0.001, Date().timeIntervalSince(start))
        let rate = Double(pages) / elapsed
        let docRate = Double(done) / elapsed
        let remaining = docRate > 0 ? Double(total - done) / docRate : 0
        return String(format: "%d/%d documents, %d pages, %.1f pages/s, ETA %@, %d failed",
                      done, total, pages, rate, Self.clock(remaining), failed)
    }

    private func drawBar() {
        let width = 24
        let filled = total > 0 ? width * done / total : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        write("\r\u{1B}[K[\(bar)] " + statusLine())
        barShown = true
    }

    private func clearBar() {
        if barShown { write("\r\u{1B}[K"); barShown = false }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
