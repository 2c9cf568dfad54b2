/**
 * `@digital-human/element/webview`: the versioned message contract between an H5 page with `<digital-human>` and
 * a native host app (iOS WKWebView, Android WebView), and the bridge that speaks it.
 * @packageDocumentation
 */
export {
  BRIDGE_VERSION,
  HOST_MESSAGE_TYPES,
  type HostMessage,
  type HostMessageType,
  type HostParseResult,
  MAX_HOST_MESSAGE_CHARS,
  MAX_USER_CONTEXT_KEYS,
  MAX_USER_CONTEXT_VALUE,
  type PageEnvelope,
  type PageMessage,
  parseHostMessage,
  type UserContext,
} from './bridgeProtocol';
export { findHostChannel, type HostChannel, type HostChannelNames } from './hostChannel';
export { type BridgeReceiver, WebViewBridge, type WebViewBridgeOptions } from './WebViewBridge';
export { WebViewBridgeError, type WebViewBridgeErrorCode } from './WebViewBridgeError';
