#!/usr/bin/env bash
# Starts the production build on an empty database for the browser tests; the console output
# (with the first-start admin password) goes to a log the setup reads.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf e2e/.data
mkdir -p e2e/.data
exec node_modules/.bin/next start -p "$PORT" > e2e/.data/server.log 2>&1
