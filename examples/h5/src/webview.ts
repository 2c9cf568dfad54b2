// Entry of `sdk/webview.js`: the native WebView bridge (only pages inside the bank's app load it).
export * from '@digital-human/element/webview';
