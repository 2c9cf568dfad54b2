// iOS host for the <digital-human> page: bridge contract v1 (see packages/element/src/webview/bridgeProtocol.ts).
// Not built in this repo: copy into your app (iOS 15+).
import UIKit
import WebKit

/// What the page tells the app. Called on the main thread.
protocol DigitalHumanDelegate: AnyObject {
    func digitalHumanReady(mode: String)
    func digitalHumanError(source: String, code: String, message: String)
    func digitalHumanHandoffRequested(reason: String, flow: String?)
    func digitalHumanFlowCompleted(flow: String)
    func digitalHumanAnalytics(event: String, props: [String: Any])
}

/// The page → app side is the script message handler "dh": the page calls
/// `window.webkit.messageHandlers.dh.postMessage(json)`. The app → page side calls
/// `window.DigitalHumanBridge.receive(json)` with `evaluateJavaScript`. Every message is JSON text
/// `{"v":1,"type":...,"payload":{...}}`.
final class DigitalHumanHost: NSObject, WKScriptMessageHandler {
    static let bridgeVersion = 1
    static let maxMessageChars = 16_384
    weak var delegate: DigitalHumanDelegate?
    private weak var webView: WKWebView?

    /// Builds the WebView: the built page (examples/h5 build output in the app bundle folder `dh`) served through
    /// the `dh-app://` scheme — ES modules do not load from file:// — with inline, gesture-free audio.
    static func makeWebView(delegate: DigitalHumanDelegate) -> (WKWebView, DigitalHumanHost) {
        let host = DigitalHumanHost()
        host.delegate = delegate
        let config = WKWebViewConfiguration()
        config.allowsInlineMediaPlayback = true
        config.mediaTypesRequiringUserActionForPlayback = []
        // The controller retains its handlers: go through a weak proxy so the host can be freed.
        config.userContentController.add(WeakHandler(host), name: "dh")
        config.setURLSchemeHandler(BundleSchemeHandler(folder: "dh"), forURLScheme: "dh-app")
        let webView = WKWebView(frame: .zero, configuration: config)
        host.webView = webView
        webView.load(URLRequest(url: URL(string: "dh-app://local/index.html")!))
        return (webView, host)
    }

    func userContentController(_ controller: WKUserContentController, didReceive message: WKScriptMessage) {
        guard let json = message.body as? String, json.count <= Self.maxMessageChars,
              let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["v"] as? Int == Self.bridgeVersion,
              let type = object["type"] as? String else { return }
        let p = object["payload"] as? [String: Any] ?? [:]
        let text = { (key: String) in p[key] as? String ?? "" }
        switch type {
        case "ready": delegate?.digitalHumanReady(mode: text("mode"))
        case "error": delegate?.digitalHumanError(source: text("source"), code: text("code"), message: text("message"))
        case "handoffRequested": delegate?.digitalHumanHandoffRequested(reason: text("reason"), flow: p["flow"] as? String)
        case "flowCompleted": delegate?.digitalHumanFlowCompleted(flow: text("flow"))
        case "analytics": delegate?.digitalHumanAnalytics(event: text("event"), props: p["props"] as? [String: Any] ?? [:])
        default: break
        }
    }

    // App → page. Call these after digitalHumanReady (the page is not listening before).
    func start(flow: String? = nil) { send("start", flow.map { ["flow": $0] } ?? [:]) }
    func stop() { send("stop", nil) }
    func setUserContext(_ context: [String: Any]) { send("setUserContext", context) }
    func mute(_ muted: Bool) { send("mute", ["muted": muted]) }
    func language(_ lang: String) { send("language", ["lang": lang]) } // "zh-CN" or "en"

    private func send(_ type: String, _ payload: [String: Any]?) {
        var message: [String: Any] = ["v": Self.bridgeVersion, "type": type]
        if let payload { message["payload"] = payload }
        guard let data = try? JSONSerialization.data(withJSONObject: message),
              let json = String(data: data, encoding: .utf8),
              // Encoding the JSON text as a JSON string makes it a JavaScript string literal: no script injection.
              let literalData = try? JSONEncoder().encode(json),
              let literal = String(data: literalData, encoding: .utf8) else { return }
        let script = "window.DigitalHumanBridge && window.DigitalHumanBridge.receive(\(literal))"
        DispatchQueue.main.async { self.webView?.evaluateJavaScript(script) }
    }
}

/// Breaks the WKUserContentController → handler retain cycle.
private final class WeakHandler: NSObject, WKScriptMessageHandler {
    weak var target: WKScriptMessageHandler?
    init(_ target: WKScriptMessageHandler) { self.target = target }
    func userContentController(_ c: WKUserContentController, didReceive m: WKScriptMessage) {
        target?.userContentController(c, didReceive: m)
    }
}

/// Serves files from a bundle folder with the MIME types module scripts, wasm and models need.
private final class BundleSchemeHandler: NSObject, WKURLSchemeHandler {
    private let root: URL
    private static let types = ["html": "text/html", "js": "text/javascript", "css": "text/css",
                                "wasm": "application/wasm", "png": "image/png", "json": "application/json"]
    init(folder: String) { root = Bundle.main.resourceURL!.appendingPathComponent(folder) }

    func webView(_ webView: WKWebView, start task: WKURLSchemeTask) {
        let path = task.request.url?.path ?? "/index.html"
        let file = root.appendingPathComponent(path).standardizedFileURL
        guard file.path.hasPrefix(root.standardizedFileURL.path), let data = try? Data(contentsOf: file) else {
            task.didFailWithError(URLError(.fileDoesNotExist))
            return
        }
        let type = Self.types[file.pathExtension] ?? "application/octet-stream"
        task.didReceive(HTTPURLResponse(url: task.request.url!, statusCode: 200, httpVersion: "HTTP/1.1",
                                        headerFields: ["Content-Type": type, "Content-Length": "\(data.count)"])!)
        task.didReceive(data)
        task.didFinish()
    }

    func webView(_ webView: WKWebView, stop task: WKURLSchemeTask) {}
}

// Usage in a view controller:
//   let (webView, host) = DigitalHumanHost.makeWebView(delegate: self)
//   func digitalHumanReady(mode: String) { host.setUserContext(["segment": "retail"]); host.start() }
//   func digitalHumanHandoffRequested(reason: String, flow: String?) { openHumanAgentChat(reason) }
