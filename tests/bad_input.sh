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

echo "bad input: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
