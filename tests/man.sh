#!/bin/sh
# man.sh - the man page lints clean and documents every option --help lists.
set -u
: "${top_srcdir:?}" "${LLMADVISOR:?}"
pass=0
fail=0
skipped=0
page="$top_srcdir/man/llmadvisor.1"
for manual in "$page" "$top_srcdir/man/llmadvisor-rules.5"; do
	if command -v mandoc >/dev/null 2>&1; then
		if mandoc -Tlint -Wwarning "$manual"; then pass=$((pass + 1)); else
			echo "FAIL: mandoc -Tlint reports problems in $manual"
			fail=$((fail + 1))
		fi
		continue
	fi
	echo "SKIP: mandoc not installed: $manual only checked by groff"
	skipped=$((skipped + 1))
	if groff -man -ww -z "$manual" 2>&1 | grep -q .; then
		echo "FAIL: groff warns about $manual"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
# Every key of the terminal interface's help is in the KEYS section.
if [ -f "$top_srcdir/src/tui.c" ] && ! grep -q '^\.SH KEYS' "$page"; then
	echo "FAIL: the man page has no KEYS section"
	fail=$((fail + 1))
fi
# Every environment variable the program reads is documented.
for variable in $(grep -ohE 'getenv\("[A-Z_]+"\)' "$top_srcdir"/src/*.c |
    sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	if grep -q "^\.B.*$variable" "$page"; then pass=$((pass + 1)); else
		echo "FAIL: $variable is read but not in ENVIRONMENT"
		fail=$((fail + 1))
	fi
done
# Every long option of --help appears in the man page, and back.
"$LLMADVISOR" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u >/tmp/help.$$
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$page" | grep -oE -- '\\-\\-[a-z][a-z\\-]*' |
	sed 's/\\//g' | sort -u >/tmp/man.$$
if cmp -s /tmp/help.$$ /tmp/man.$$; then pass=$((pass + 1)); else
	echo "FAIL: --help and the man page list different options:"
	diff /tmp/help.$$ /tmp/man.$$
	fail=$((fail + 1))
fi
rm -f /tmp/help.$$ /tmp/man.$$
echo "man: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
