// The page inside the bank app's WebView. Plain JavaScript, served as is; the SDK comes from ./sdk/ (self-hosted).
// The native host starts, stops, mutes and switches language through the bridge (contract v1); the page tells
// the host when it is ready, when something failed, when a human is requested and when a flow completed.
import { defineDigitalHumanElement } from './sdk/element.js';
import { WebViewBridge } from './sdk/webview.js';

const dh = document.querySelector('digital-human');
const tokenEndpoint = new URLSearchParams(location.search).get('token-endpoint');
if (tokenEndpoint) {
  dh.setAttribute('transport', 'livekit');
  dh.setAttribute('token-endpoint', tokenEndpoint);
} else {
  // Demo only (GPL synthesiser): the app's production build points token-endpoint at the bank's service.
  const { registerLocalDemoTransport } = await import('./sdk/local-demo.js');
  registerLocalDemoTransport();
}
// The bridge first, so the host hears `ready` even when the avatar is quick.
const bridge = new WebViewBridge(dh);
defineDigitalHumanElement();
addEventListener('pagehide', () => bridge.dispose());
