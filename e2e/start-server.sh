#!/usr/bin/env bash
# Starts the production build on an empty database for the browser tests; the console output
# (with the first-start admin password) goes to a log the setup reads.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf e2e/.data
mkdir -p e2e/.data
# `npm start` as a user runs it (its heap cap included, package.json).
exec npm start --silent -- -p "$PORT" > e2e/.data/server.log 2>&1
