#!/usr/bin/env bash
# npm test: every check and every test, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CI:-}" = "true" ] && [ -z "${TEST_DATABASE_URL:-}" ]; then
	echo "CI=true mais TEST_DATABASE_URL n'est pas défini : les tests d'intégration doivent aussi tourner sur PostgreSQL." >&2
	exit 1
fi

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT

echo "== Types (svelte-check)"
npm run --silent check

echo "== Couches"
npm run --silent lint:layers

if [ -n "${TEST_DATABASE_URL:-}" ]; then
	echo "== Types de la base à jour avec les migrations"
	npm run --silent db:types -- --verify
fi

echo "== Tests unitaires et d'intégration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest.json"

echo "== Tests de bout en bout (Playwright, Chromium)"
npx vite build >/dev/null
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json
if [ -n "${TEST_DATABASE_URL:-}" ]; then
	echo "== Deux instances sur PostgreSQL (Playwright)"
	PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright-multi.json" npx playwright test --config tests/e2e-multi/playwright.multi.config.ts --reporter=list,json
fi

node scripts/test-summary.js "$reports"/vitest.json "$reports"/playwright*.json
