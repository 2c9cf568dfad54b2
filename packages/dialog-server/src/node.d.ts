// dialog-server runs in Node: its declaration build (scripts/build-packages.mjs, browser types only) needs Node's.
/// <reference types="node" />
