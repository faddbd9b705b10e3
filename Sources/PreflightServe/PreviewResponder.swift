import Foundation
import Hummingbird

/// Answers the preview's requests: the site's files, the live-reload script and its event stream.
/// Only GET and HEAD, and only for a loopback `Host`.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: StaticFiles
    let liveReload: LiveReload
    let hosts: LoopbackHost

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            return StaticFiles.text(.misdirectedRequest, "this preview answers only to localhost and 127.0.0.1\n")
        }
        guard request.method == .get || request.method == .head else {
            var refused = StaticFiles.text(.methodNotAllowed, "only GET and HEAD\n")
            refused.headers[.allow] = "GET, HEAD"
            return refused
        }
        guard let path = request.uri.path.removingPercentEncoding else {
            return StaticFiles.text(.badRequest, "bad request\n")
        }
        let response: Response
        switch path {
        case "/__preflight/events":
            guard request.method == .get else { return Response(status: .ok, headers: Self.streamHeaders) }
            return events(for: request)
        case "/__preflight/live.js":
            response = StaticFiles.bytes(.ok, type: "text/javascript; charset=utf-8", Array(LiveReload.script.utf8))
        default:
            response = site.response(for: path)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    static let streamHeaders: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]

    /// A stream of server-sent events that lasts as long as the page keeps its connection open.
    func events(for request: Request) -> Response {
        let subscription = liveReload.subscribe()
        return Response(status: .ok, headers: Self.streamHeaders, body: ResponseBody { writer in
            // The page closing its side ends the stream, which takes it out of the registry at once.
            try await request.body.consumeWithInboundCloseHandler { _ in
                for await message in subscription.events {
                    try await writer.write(ByteBuffer(string: message))
                }
            } onInboundClosed: {
                subscription.end()
            }
            try await writer.finish(nil)
        })
    }
}
