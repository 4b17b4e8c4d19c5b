#!/bin/sh
# bad_input.sh - data-driven bad input: every file in tests/bad/answers and
# every patch in tests/bad/data must make llmadvisor exit 2 with exactly the
# message in the matching .err file, and leave no output file behind.
#
#   tests/bad/answers/NAME.EXT   an answers file, read with -a NAME.EXT
#   tests/bad/data/NAME.sed      a sed script; its first line "# file: F"
#                                names the file of tests/bad/data/base it
#                                breaks; read with -d DATA
#   NAME.err                     the expected standard error, with the data
#                                folder written as DATA
#
# Cases too big to keep (20,000-deep nesting, multi-megabyte strings,
# oversize files, too many values, rules or parts) are generated below,
# each with its expected message inline.  Every run is bounded by timeout.
set -u
: "${top_srcdir:?}" "${LLMADVISOR:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-bad.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
pass=0
fail=0

check() {	# name status expected-file actual-file output-file
	name=$1 status=$2 expected=$3 actual=$4 output=$5
	if [ "$status" -ne 2 ]; then
		echo "FAIL $name: exit status $status, expected 2"
		cat "$actual"
		fail=$((fail + 1))
	elif ! cmp -s "$expected" "$actual"; then
		echo "FAIL $name: message differs"
		diff "$expected" "$actual"
		fail=$((fail + 1))
	elif [ -e "$output" ]; then
		echo "FAIL $name: an output file was written"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

cd "$top_srcdir/tests/bad/answers" || exit 99
for input in *; do
	case $input in *.err) continue ;; esac
	name=${input%.*}
	rm -f "$work/out.json"
	timeout 10 "$LLMADVISOR" -a "$input" -o "$work/out.json" \
		</dev/null >/dev/null 2>"$work/stderr"
	check "answers/$input" $? "$name.err" "$work/stderr" "$work/out.json"
done

# Generated cases, too big to keep in the repository: NAME|EXPECTED.
cd "$work" || exit 99
awk 'BEGIN { printf "volume: "; for (i = 0; i < 20000; i++) printf "["; for (i = 0; i < 20000; i++) printf "]"; print "" }' >deep.yaml
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "["; for (i = 0; i < 20000; i++) printf "]"; print "" }' >deep.json
awk 'BEGIN { printf "privacy: \""; for (i = 0; i < 300000; i++) printf "xxxxxxxxxx"; print "\"" }' >huge-string.yaml
awk 'BEGIN { for (i = 0; i < 500000; i++) print "# padding line of a file that is far too large"; }' >oversize.yaml
awk 'BEGIN { printf "{\"volume\": {\"input_tokens\": \""; for (i = 0; i < 300000; i++) printf "1234567890"; print "\"}}" }' >huge-number.json
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "{\"a\": "; printf "1"; for (i = 0; i < 20000; i++) printf "}"; print "" }' >deep-objects.json
awk 'BEGIN { printf "volume:\n"; for (i = 0; i < 100; i++) printf "%*sx:\n", 2 * i + 2, ""; }' >deep-block.yaml
awk 'BEGIN { for (i = 0; i < 110000; i++) printf "k%d: 1\n", i }' >many-keys.yaml
awk 'BEGIN { printf "{"; for (i = 0; i < 200000; i++) printf "\"k%d\": 1, ", i; print "\"z\": 1}" }' >many-keys.json
while IFS='|' read -r input expected; do
	printf '%s\n' "$expected" >expected
	rm -f out.json
	timeout 10 "$LLMADVISOR" -a "$input" -o out.json </dev/null >/dev/null 2>stderr
	check "generated/$input" $? expected stderr out.json
done <<'CASES'
deep.yaml|llmadvisor: deep.yaml:1:72: nesting deeper than 64 levels
deep.json|llmadvisor: deep.json:1:65: nesting deeper than 64 levels
huge-string.yaml|llmadvisor: huge-string.yaml:1:10: privacy must be one of none, contractual, hard, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
oversize.yaml|llmadvisor: oversize.yaml: file is larger than the limit of 4 MiB
huge-number.json|llmadvisor: huge-number.json:1:29: volume.input_tokens must be a number (k, M or B suffix allowed), got "1234567890123456789012345678901234567..."
deep-objects.json|llmadvisor: deep-objects.json:1:385: nesting deeper than 64 levels
deep-block.yaml|llmadvisor: deep-block.yaml:65:129: nesting deeper than 64 levels
many-keys.yaml|llmadvisor: many-keys.yaml:100001:1: more than 200000 values: file too complex
many-keys.json|llmadvisor: many-keys.json:1:1288887: more than 200000 values: file too complex
/dev/zero|llmadvisor: /dev/zero: not a regular file
CASES

for patch in "$top_srcdir"/tests/bad/data/*.sed; do
	name=$(basename "$patch" .sed)
	file=$(sed -n '1s/^# file: *//p' "$patch")
	rm -rf "$work/DATA" "$work/out.json"
	cp -r "$top_srcdir/tests/bad/data/base" "$work/DATA"
	chmod -R u+w "$work/DATA"
	sed -f "$patch" "$top_srcdir/tests/bad/data/base/$file" >"$work/DATA/$file"
	(cd "$work" && timeout 10 "$LLMADVISOR" -d DATA -o out.json \
		</dev/null >/dev/null 2>stderr)
	check "data/$name" $? "${patch%.sed}.err" "$work/stderr" "$work/out.json"
done

# Generated data and rules files, too big to keep: NAME|FILE|EXPECTED,
# where gen NAME writes DATA/FILE (FILE may be in rules.d/).
gen() {
	case $1 in
	models-deep) awk 'BEGIN { printf "models: "; for (i = 0; i < 20000; i++) printf "["; for (i = 0; i < 20000; i++) printf "]"; print "" }' ;;
	models-too-many) awk 'BEGIN { print "models:"; for (i = 0; i < 1025; i++) printf "  - {id: m%d, name: m, provider: p, kind: api, tier: large, input_price: {value: 1, unit: USD/Mtok, source: x, as_of: 2026-01-01, verified: true, range: [1, 1]}, output_price: {value: 1, unit: USD/Mtok, source: x, as_of: 2026-01-01, verified: true, range: [1, 1]}}\n", i }' ;;
	gpus-oversize) awk 'BEGIN { print "gpus:"; for (i = 0; i < 120000; i++) print "# a comment line that makes this file far too large" }' ;;
	gpus-huge-string) awk 'BEGIN { printf "gpus:\n  - id: g\n    name: G\n    class: \""; for (i = 0; i < 300000; i++) printf "xxxxxxxxxx"; print "\"" }' ;;
	rules-too-many) awk 'BEGIN { print "rules:"; for (i = 0; i <= 256; i++) printf "  - {id: r%d, when: \"true\", warn: w, because: x}\n", i }' ;;
	rules-too-long) awk 'BEGIN { printf "rules:\n  - id: long\n    when: \""; for (i = 0; i < 1000; i++) printf "1 < 2 and "; print "true\"\n    warn: w\n    because: x" }' ;;
	rules-too-complex) awk 'BEGIN { printf "rules:\n  - id: complex\n    when: \""; for (i = 0; i < 600; i++) printf "1+"; print "1 > 0\"\n    warn: w\n    because: x" }' ;;
	rules-alias-bomb) awk 'BEGIN { print "a: &a [x, x, x, x, x, x, x, x, x]"; print "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]"; print "rules: [*b, *b, *b]" }' ;;
	rules.d-oversize) awk 'BEGIN { print "rules:"; for (i = 0; i < 120000; i++) print "# a comment line that makes this file far too large" }' ;;
	esac
}
while IFS='|' read -r name file expected; do
	rm -rf "$work/DATA" "$work/out.json"
	cp -r "$top_srcdir/tests/bad/data/base" "$work/DATA"
	chmod -R u+w "$work/DATA"
	mkdir -p "$work/DATA/rules.d"
	gen "$name" >"$work/DATA/$file"
	printf '%s\n' "$expected" >"$work/expected"
	(cd "$work" && timeout 10 "$LLMADVISOR" -d DATA -o out.json \
		</dev/null >/dev/null 2>stderr)
	check "generated/$name" $? "$work/expected" "$work/stderr" "$work/out.json"
done <<'CASES'
models-deep|models.yaml|llmadvisor: DATA/models.yaml:1:72: nesting deeper than 64 levels
models-too-many|models.yaml|llmadvisor: DATA/models.yaml:1026:5: more than 1024 rated api and hosted_open models (set tier: unrated on the ones not to compare)
gpus-oversize|gpus.yaml|llmadvisor: DATA/gpus.yaml: file is larger than the limit of 4 MiB
gpus-huge-string|gpus.yaml|llmadvisor: DATA/gpus.yaml:4:12: class must be one of workstation_gpu, apple_silicon, datacenter_gpu, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
rules-too-many|rules.yaml|llmadvisor: DATA/rules.yaml:258:5: more than 256 rules
rules-too-long|rules.yaml|llmadvisor: DATA/rules.yaml:3:4108: expression longer than 4096 bytes
rules-too-complex|rules.yaml|llmadvisor: DATA/rules.yaml:3:523: expression too complex: more than 512 parts
rules-alias-bomb|rules.yaml|llmadvisor: DATA/rules.yaml:2:8: YAML aliases (*name) are not supported
rules.d-oversize|rules.d/big.yaml|llmadvisor: DATA/rules.d/big.yaml: file is larger than the limit of 4 MiB
CASES

echo "bad input: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
