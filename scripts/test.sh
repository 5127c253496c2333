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

# Each stage prints its duration, and they are listed again before the closing line.
timings=()
stage_name=''
stage_start=0
stage() {
	stage_end
	stage_name=$1
	stage_start=$(date +%s.%N)
	echo "== $stage_name"
}
stage_end() {
	if [ -n "$stage_name" ]; then
		local seconds
		seconds=$(awk -v start="$stage_start" -v end="$(date +%s.%N)" 'BEGIN { printf "%.1f", end - start }')
		echo "   ($stage_name : ${seconds} s)"
		timings+=("${seconds} s  $stage_name")
	fi
	stage_name=''
}

stage "Types (svelte-check)"
npm run --silent check

stage "Mise en forme et lint (Prettier, ESLint)"
npx prettier --check . >/dev/null || { npx prettier --list-different .; exit 1; }
npx eslint .

stage "Couches"
npm run --silent lint:layers

if [ -n "${TEST_DATABASE_URL:-}" ]; then
	stage "Types de la base à jour avec les migrations"
	npm run --silent db:types -- --verify
fi

stage "Tests unitaires et d'intégration (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest.json"

stage "Construction (vite build)"
npx vite build >/dev/null

stage "Tests de bout en bout (Playwright, Chromium, un serveur par worker)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json
if [ -n "${TEST_DATABASE_URL:-}" ]; then
	stage "Deux instances sur PostgreSQL (Playwright)"
	PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright-multi.json" npx playwright test --config tests/e2e-multi/playwright.multi.config.ts --reporter=list,json
fi
stage_end

echo "== Durées"
printf '   %s\n' "${timings[@]}"
node scripts/test-summary.js "$reports"/vitest.json "$reports"/playwright*.json
