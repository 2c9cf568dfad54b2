// The page inside the bank's app: the native host drives <digital-human> through the WebView bridge (contract v1).
import { defineDigitalHumanElement } from '@digital-human/element';
import { parseHostMessage, WebViewBridge } from '@digital-human/element/webview';

/** Your page's own output (a status line, your logger). */
declare function show(...parts: unknown[]): void;

const dh = document.querySelector('digital-human');
if (!dh) throw new Error('no <digital-human> on the page');
// The bridge first, so the host hears `ready` even when the avatar is quick.
const bridge = new WebViewBridge(dh); // posts to webkit.messageHandlers.dh (iOS) or window.DigitalHumanHost (Android)
defineDigitalHumanElement();
addEventListener('pagehide', () => bridge.dispose());

// What the host sends with evaluateJavascript: window.DigitalHumanBridge.receive('<json>'). Each is validated:
const start = parseHostMessage('{"v":1,"type":"start","id":"s1","payload":{"flow":"card_application"}}');
const context = parseHostMessage(
  '{"v":1,"type":"setUserContext","payload":{"segment":"gold","locale":"zh-CN"}}',
);
const bad = parseHostMessage('{"v":1,"type":"launchRockets"}');
show(start.ok, context.ok, bad.ok ? '' : bad.error.code); // true true <the code>
