import ArgumentParser
import Foundation
import Corpus
import Serve

/// `scrutiny serve`: the read-only web view of a corpus.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the corpus as read-only web pages (documents, indicators with charts, search).",
        discussion: "Example: scrutiny serve --corpus corpus --port 8080, then open http://127.0.0.1:8080/")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Address to listen on (127.0.0.1: this machine only).")
    var host: String = "127.0.0.1"

    func run() throws {
        let site: CorpusSite
        do { site = try CorpusSite(folder: corpusOptions.url) } catch { throw ValidationError("\(error)") }
        print("Serving \(corpusOptions.url.path) on http://\(host):\(port)/ (Ctrl-C to stop)")
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        let (host, port) = (self.host, self.port)
        Task {
            do { try await site.run(host: host, port: port) } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// The server task's error, handed back to the synchronous command.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ e: Error) { lock.lock(); stored = e; lock.unlock() }
}
