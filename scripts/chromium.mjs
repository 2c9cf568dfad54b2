// Debian's Chromium and the flags every browser test and benchmark launches it with. Never a downloaded browser.

/** @returns {string} */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Headless, closed-network flags; WebGL2 through SwiftShader; fake media devices; loopback WebRTC.
 * @param {readonly string[]} [extra]
 * @returns {string[]}
 */
export function chromiumArgs(extra = []) {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    '--allow-loopback-in-peer-connection',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
    ...extra,
  ];
}
