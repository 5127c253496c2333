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

# The static checks and the build read the tree and write nothing another of them reads (after one
# svelte-kit sync), and most of them use one core: together they take the time of the longest.
stage "Vérifications statiques et construction, en parallèle"
npx svelte-kit sync
parallel_names=()
parallel_pids=()
in_parallel() {
	local name=$1
	shift
	parallel_names+=("$name")
	(
		start=$(date +%s.%N)
		status=0
		"$@" >"$reports/$name.log" 2>&1 || status=$?
		awk -v start="$start" -v end="$(date +%s.%N)" 'BEGIN { printf "%.1f", end - start }' >"$reports/$name.seconds"
		exit "$status"
	) &
	parallel_pids+=($!)
}
in_parallel "Types (svelte-check)" npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
in_parallel "Mise en forme (Prettier)" npx prettier --list-different .
in_parallel "Lint (ESLint)" npx eslint .
in_parallel "Couches" npm run --silent lint:layers
if [ -n "${TEST_DATABASE_URL:-}" ]; then
	in_parallel "Types de la base à jour avec les migrations" npm run --silent db:types -- --verify
fi
in_parallel "Construction (vite build)" npx vite build
parallel_failed=0
for index in "${!parallel_pids[@]}"; do
	name=${parallel_names[$index]}
	status=0
	wait "${parallel_pids[$index]}" || status=$?
	if [ "$status" -ne 0 ]; then
		parallel_failed=1
		echo "-- $name : ÉCHEC"
		cat "$reports/$name.log"
	elif [ "$name" != "Construction (vite build)" ]; then
		cat "$reports/$name.log"
	fi
	echo "   ($name : $(cat "$reports/$name.seconds") s)"
	timings+=("$(cat "$reports/$name.seconds") s  $name (en parallèle)")
done
[ "$parallel_failed" -eq 0 ] || exit 1

stage "Tests unitaires et d'intégration (vitest)"
# Meanwhile, the built app seeds the browser tests' demo database (one core, while vitest waits on its databases),
# at the browser tests' hour: one clock offset for both (see scripts/at-demo-hour.sh).
FAKETIME=$(bash scripts/at-demo-hour.sh printenv FAKETIME || true)
export FAKETIME
bash scripts/at-demo-hour.sh npx tsx tests/e2e/seed-template.ts >"$reports/template.out" 2>"$reports/template.log" &
template_pid=$!
npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest.json"
if ! wait "$template_pid"; then
	echo "-- Base de démonstration des tests de bout en bout : ÉCHEC"
	cat "$reports/template.log"
	exit 1
fi
E2E_DEMO_TEMPLATE=$(tail -n 1 "$reports/template.out")
export E2E_DEMO_TEMPLATE
trap 'rm -rf "$reports" "$E2E_DEMO_TEMPLATE"' EXIT

stage "Tests de bout en bout (Playwright, Chromium, un serveur par worker)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" bash scripts/at-demo-hour.sh npx playwright test --reporter=list,json
if [ -n "${TEST_DATABASE_URL:-}" ]; then
	stage "Deux instances sur PostgreSQL (Playwright)"
	PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright-multi.json" npx playwright test --config tests/e2e-multi/playwright.multi.config.ts --reporter=list,json
fi
stage_end

echo "== Durées"
printf '   %s\n' "${timings[@]}"
node scripts/test-summary.js "$reports"/vitest.json "$reports"/playwright*.json
