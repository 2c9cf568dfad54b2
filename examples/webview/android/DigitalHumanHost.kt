// Android host for the <digital-human> page: bridge contract v1 (see packages/element/src/webview/bridgeProtocol.ts).
// Not built in this repo: copy into your app module (minSdk 24, androidx.webkit for WebViewAssetLoader).
package com.bank.digitalhuman

import android.annotation.SuppressLint
import android.os.Handler
import android.os.Looper
import android.webkit.JavascriptInterface
import android.webkit.PermissionRequest
import android.webkit.WebChromeClient
import android.webkit.WebResourceRequest
import android.webkit.WebResourceResponse
import android.webkit.WebView
import android.webkit.WebViewClient
import androidx.webkit.WebViewAssetLoader
import org.json.JSONException
import org.json.JSONObject

/** What the page tells the app. Called on the main thread. */
interface DigitalHumanListener {
    fun onReady(mode: String) {}
    fun onError(source: String, code: String, message: String) {}
    fun onHandoffRequested(reason: String, flow: String?) {}
    fun onFlowCompleted(flow: String) {}
    fun onAnalytics(event: String, props: JSONObject) {}
}

/**
 * The page → app side is the object registered with addJavascriptInterface as "DigitalHumanHost": the page calls
 * DigitalHumanHost.postMessage(json). The app → page side calls window.DigitalHumanBridge.receive(json) through
 * evaluateJavascript. Every message is JSON text {"v":1,"type":...,"payload":{...}}.
 */
class DigitalHumanHost(
    private val webView: WebView,
    private val listener: DigitalHumanListener,
) {
    private val main = Handler(Looper.getMainLooper())

    /** Called by the page on a WebView binder thread: parse, check the version, hand over on the main thread. */
    @JavascriptInterface
    fun postMessage(json: String) {
        if (json.length > MAX_MESSAGE_CHARS) return
        val message = try { JSONObject(json) } catch (e: JSONException) { return }
        if (message.optInt("v", -1) != BRIDGE_VERSION) return // a newer page: ignore, or prompt an app update
        val payload = message.optJSONObject("payload") ?: JSONObject()
        main.post { dispatch(message.optString("type"), payload) }
    }

    private fun dispatch(type: String, p: JSONObject) {
        when (type) {
            "ready" -> listener.onReady(p.optString("mode"))
            "error" -> listener.onError(p.optString("source"), p.optString("code"), p.optString("message"))
            "handoffRequested" -> listener.onHandoffRequested(p.optString("reason"), p.optString("flow").ifEmpty { null })
            "flowCompleted" -> listener.onFlowCompleted(p.optString("flow"))
            "analytics" -> listener.onAnalytics(p.optString("event"), p.optJSONObject("props") ?: JSONObject())
        }
    }

    // App → page. Call these after onReady (the page is not listening before).
    fun start(flow: String? = null) = send("start", JSONObject().apply { if (flow != null) put("flow", flow) })
    fun stop() = send("stop", null)
    fun setUserContext(context: Map<String, Any>) = send("setUserContext", JSONObject(context))
    fun mute(muted: Boolean) = send("mute", JSONObject().put("muted", muted))
    fun language(lang: String) = send("language", JSONObject().put("lang", lang)) // "zh-CN" or "en"

    private fun send(type: String, payload: JSONObject?) {
        val message = JSONObject().put("v", BRIDGE_VERSION).put("type", type)
        if (payload != null) message.put("payload", payload)
        // JSONObject.quote makes the JSON text a JavaScript string literal: no script injection through values.
        val script = "window.DigitalHumanBridge && window.DigitalHumanBridge.receive(${JSONObject.quote(message.toString())})"
        main.post { webView.evaluateJavascript(script, null) }
    }

    companion object {
        const val BRIDGE_VERSION = 1
        const val MAX_MESSAGE_CHARS = 16_384

        /**
         * Sets up the WebView: the built page (examples/h5 build output copied to src/main/assets/dh/) served from
         * https://appassets.androidplatform.net/dh/ — ES modules do not load from file:// — with the voice allowed
         * to play after the host's start, and the microphone granted to the page when the app holds RECORD_AUDIO.
         */
        @SuppressLint("SetJavaScriptEnabled")
        fun attach(webView: WebView, listener: DigitalHumanListener): DigitalHumanHost {
            val assets = WebViewAssetLoader.Builder()
                .addPathHandler("/dh/", WebViewAssetLoader.AssetsPathHandler(webView.context))
                .build()
            webView.settings.javaScriptEnabled = true
            webView.settings.domStorageEnabled = true
            webView.settings.mediaPlaybackRequiresUserGesture = false
            webView.settings.allowFileAccess = false
            webView.webViewClient = object : WebViewClient() {
                override fun shouldInterceptRequest(view: WebView, request: WebResourceRequest): WebResourceResponse? =
                    assets.shouldInterceptRequest(request.url)
            }
            webView.webChromeClient = object : WebChromeClient() {
                override fun onPermissionRequest(request: PermissionRequest) {
                    // Only the bank's own page, only the microphone (LiveKit); the camera is asked for by the page.
                    if (request.origin.host == "appassets.androidplatform.net")
                        request.grant(request.resources.filter { it == PermissionRequest.RESOURCE_AUDIO_CAPTURE }.toTypedArray())
                    else request.deny()
                }
            }
            val host = DigitalHumanHost(webView, listener)
            webView.addJavascriptInterface(host, "DigitalHumanHost")
            webView.loadUrl("https://appassets.androidplatform.net/dh/index.html")
            return host
        }
    }
}

// Usage in an Activity:
//   val host = DigitalHumanHost.attach(webView, object : DigitalHumanListener {
//       override fun onReady(mode: String) { host.setUserContext(mapOf("segment" to "retail")); host.start() }
//       override fun onHandoffRequested(reason: String, flow: String?) { openHumanAgentChat(reason) }
//       override fun onError(source: String, code: String, message: String) { log(code, message) }
//   })
