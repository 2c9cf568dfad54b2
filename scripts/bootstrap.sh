#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh Debian machine, and skips what is already there:
# pnpm, Debian's chromium, the pinned livekit-server (built from its Go module into .tools/), the workspace packages.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
LIVEKIT_VERSION=v1.13.5

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1
fi

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x .tools/bin/server ] || [ "$(cat .tools/livekit-version 2>/dev/null)" != "$LIVEKIT_VERSION" ]; then
    mkdir -p .tools/bin
    CGO_ENABLED=0 GOBIN="$PWD/.tools/bin" go install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION"
    echo "$LIVEKIT_VERSION" > .tools/livekit-version
  fi
fi

pnpm install --frozen-lockfile --reporter=append-only | tail -n 3
