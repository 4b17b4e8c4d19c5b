#!/bin/sh
# smoke.sh - runs every fuzz harness for a while and fails on any crash,
# leak, sanitizer report, time-out or out-of-memory.
#
#   fuzz/smoke.sh [SECONDS] [HARNESS]...
#
# With FUZZ_RUNS=N in the environment each harness also stops after N
# executions (long runs: FUZZ_RUNS=10000000 fuzz/smoke.sh 14400 models).
#
# Run from a build folder configured with --enable-fuzzing after make fuzz.
# Each harness starts from its seed corpus (fuzz/corpus/NAME of the source
# tree, never written to) and a scratch corpus; a failing input is kept as
# fuzz-artifacts/NAME/crash-... (or leak-, timeout-, oom-) in the build
# folder.  Prints one line per harness and "N passed, N failed".
set -u
seconds=${1:-30}
[ $# -gt 0 ] && shift
srcdir=$(cd "$(dirname "$0")/.." && pwd)
harnesses=${*:-$(sh "$srcdir/fuzz/harnesses.sh" --names)}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-fuzz.XXXXXX") || exit 99
trap 'rm -rf "$scratch"' EXIT
trap 'exit 1' INT TERM HUP	# so that EXIT cleans up
pass=0
fail=0
for name in $harnesses; do
	harness=./fuzz/fuzz_$name
	if [ ! -x "$harness" ]; then
		echo "fuzz $name: FAILED ($harness not built: make fuzz)"
		fail=$((fail + 1))
		continue
	fi
	mkdir -p "$scratch/$name" "fuzz-artifacts/$name"
	# The expression and template limits are 4096 bytes: go past them.
	case $name in
	expr|template) max_len=-max_len=8192 ;;
	*) max_len= ;;
	esac
	# The data and rules harnesses also start from the shipped file of
	# their kind, as it is today.
	case $name in
	models|gpus|defaults|rules) cp "$srcdir/data/$name.yaml" "$scratch/$name/" ;;
	esac
	"$harness" -max_total_time="$seconds" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} \
		-timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="fuzz-artifacts/$name/" \
		$max_len "$scratch/$name" "$srcdir/fuzz/corpus/$name" \
		>"$scratch/$name.log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		"$scratch/$name.log")
	if [ "$status" -eq 0 ] && ! grep -q -e 'ERROR: ' -e 'runtime error' \
		-e '^fuzz: ' "$scratch/$name.log"; then
		echo "fuzz $name: ok, ${runs:-?} runs in" \
			"$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' \
			"$scratch/$name.log" | tail -n 1) s"
		pass=$((pass + 1))
	else
		echo "fuzz $name: FAILED (exit $status), input kept in" \
			"fuzz-artifacts/$name/"
		grep -E -A 12 -e '(ERROR|SUMMARY): ' -e 'runtime error' \
			-e '^fuzz: ' "$scratch/$name.log" | head -n 40
		fail=$((fail + 1))
	fi
done
echo "fuzz smoke: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
