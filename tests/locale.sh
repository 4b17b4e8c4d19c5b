#!/bin/sh
# locale.sh - numbers do not depend on the locale: under a decimal-comma
# locale (de_DE.UTF-8) parsing, the JSON result and the cost figures of
# every report are byte for byte those of the C locale, and a decimal
# comma in an answers file is refused the same way.
#
# Skipped (exit 77) where no decimal-comma locale is installed, except
# when CI=true or LLMADVISOR_REQUIRE_LOCALE=1: then that is a failure.
# (Debian: apt-get install locales && localedef -i de_DE -f UTF-8
# de_DE.UTF-8.)
set -u
: "${top_srcdir:?}" "${LLMADVISOR:?}"
comma=
for locale in de_DE.UTF-8 de_DE.utf8 fr_FR.UTF-8 fr_FR.utf8; do
	# `locale` echoes any name it is given; only an installed locale
	# answers "," for its decimal point.
	if [ "$(LC_ALL=$locale locale decimal_point 2>/dev/null)" = "," ]; then
		comma=$locale
		break
	fi
done
if [ -z "$comma" ]; then
	if [ "${CI:-}" = true ] || [ "${LLMADVISOR_REQUIRE_LOCALE:-}" = 1 ]; then
		echo "FAIL: no decimal-comma locale installed (CI needs de_DE.UTF-8)"
		echo "locale: 0 passed, 1 failed"
		exit 1
	fi
	echo "no decimal-comma locale installed: skipped"
	exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-locale.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99
pass=0
fail=0
DATA="$top_srcdir/data"
# Messages stay English (LANGUAGE) so only numbers could differ; a fixed
# date keeps the reports comparable.
SOURCE_DATE_EPOCH=1795824000
LANGUAGE=en
export SOURCE_DATE_EPOCH LANGUAGE

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# compare NAME ARGS...: llmadvisor ARGS under C and under $comma must give
# the same exit status, output and messages.
compare() {
	name=$1
	shift
	LC_ALL=C "$LLMADVISOR" "$@" </dev/null >"$name.c.out" 2>"$name.c.err"
	c_status=$?
	LC_ALL=$comma "$LLMADVISOR" "$@" </dev/null >"$name.l.out" 2>"$name.l.err"
	l_status=$?
	if [ "$c_status" -ne "$l_status" ]; then
		bad "$name: exit $c_status under C, $l_status under $comma"
	elif ! cmp -s "$name.c.out" "$name.l.out"; then
		bad "$name: output differs under $comma"
		diff "$name.c.out" "$name.l.out" | head -n 10
	elif ! cmp -s "$name.c.err" "$name.l.err"; then
		bad "$name: messages differ under $comma"
		diff "$name.c.err" "$name.l.err" | head -n 10
	else ok; fi
}
has() {	# FILE TEXT: FILE contains TEXT
	if grep -qF -- "$2" "$1"; then ok; else bad "$1 lacks '$2'"; fi
}

# Data with decimal figures, answers with decimals and suffixes (YAML and
# JSON), --set values: every format, costs included.
for format in json text markdown; do
	compare "default-$format" -d "$DATA" -f "$format"
	compare "full-$format" -d "$DATA" -f "$format" \
		-a "$top_srcdir/tests/answers/full.yaml"
done
compare full-json-answers -d "$DATA" -f json -a "$top_srcdir/tests/answers/full.json"
compare set -d "$DATA" -f json -s tasks.complex_share=0.25 \
	-s volume.peak_to_mean=1.5 -s volume.input_tokens=2.5M \
	-s team.hourly_rate=87.5
has set.l.out '"complex_share":	0.25'
has set.l.out '"peak_to_mean":	1.5'
has set.l.out '"input_tokens":	2500000'
has default-text.l.out '$'
# Monte Carlo and flip points.
compare samples -d "$DATA" -f json --samples 3000 --seed 7 \
	-s volume.input_tokens=120M

# A decimal comma is refused, the same way in both locales.
printf 'tasks:\n  complex_share: 0,3\n' >comma.yaml
compare comma-yaml -d "$DATA" -f json -a comma.yaml
has comma-yaml.l.err 'tasks.complex_share must be a number, got "0,3"'
compare comma-set -d "$DATA" -f json -s tasks.complex_share=0,3
has comma-set.l.err '--set:1:21: tasks.complex_share must be a number, got "0,3"'

echo "locale ($comma): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
