import Foundation
import Corpus
import Hummingbird
import ScrutinyCore

/// The read-only web view of a corpus: an index, document pages, indicator pages with their
/// chart, and search. Server-rendered HTML, no scripts, no static files.
///
/// Routes: `GET /`, `GET /document/{doc_id}`, `GET /indicator?id=…`, `GET /search?q=…`.
/// Anything else (including `..` paths in any encoding) is a 404.
public struct CorpusSite: Sendable {
    /// The corpus, opened read-only.
    public let store: CorpusStore

    /// Opens the corpus in `folder` read-only; fails when it has no catalogue yet.
    public init(folder: URL) throws {
        store = try CorpusStore(folder: folder, readOnly: true)
        try store.requireCatalogue()
    }

    /// A document id is the SHA-256 of the file: 64 hexadecimal digits.
    static let documentIDLength = 64

    /// Serves an already-open store (tests).
    public init(store: CorpusStore) { self.store = store }

    /// The router with every page.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: NotFoundMiddleware())
        let store = self.store
        router.get("/") { _, _ in
            try await Self.html { try await store.database.read { try CorpusPages.index($0) } }
        }
        router.get("/document/:docID") { _, context in
            let id = try context.parameters.require("docID")
            // Document ids are SHA-256 hex; anything else cannot name one.
            guard id.count == Self.documentIDLength, id.allSatisfy(\.isHexDigit) else { throw HTTPError(.notFound) }
            return try await Self.html { try await store.database.read { try CorpusPages.document($0, docID: id.lowercased()) } }
        }
        router.get("/indicator") { request, _ in
            guard let id = FormQuery(request.uri.query).value("id") else { throw HTTPError(.notFound) }
            return try await Self.html { try await store.database.read { try CorpusPages.indicator($0, id: id) } }
        }
        router.get("/search") { request, _ in
            let q = FormQuery(request.uri.query).value("q") ?? ""
            return try await Self.html { try await store.database.read { try CorpusPages.search($0, query: String(q.prefix(500))) } }
        }
        return router
    }

    /// The application listening on `host:port` (port 0: any free port).
    public func application(host: String = "127.0.0.1", port: Int = 8080) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "scrutiny"))
    }

    /// Runs the server until interrupted.
    public func run(host: String = "127.0.0.1", port: Int = 8080) async throws {
        try await application(host: host, port: port).runService()
    }

    static func html(_ make: () async throws -> String?) async throws -> Response {
        guard let page = try await make() else { throw HTTPError(.notFound) }
        return htmlResponse(page, status: .ok)
    }

    static func htmlResponse(_ page: String, status: HTTPResponse.Status) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8",
                           .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'",
                           .init("X-Content-Type-Options")!: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

/// Turns 404s (unknown routes, unknown ids) into the site's HTML 404 page.
struct NotFoundMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response
        } catch let error as HTTPError where error.status == .notFound {
            return CorpusSite.htmlResponse(CorpusPages.notFound(), status: .notFound)
        }
    }
}
