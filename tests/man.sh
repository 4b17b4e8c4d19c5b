#!/bin/sh
# man.sh - the man page lints clean and documents every option --help lists.
set -u
: "${top_srcdir:?}" "${LLMADVISOR:?}"
pass=0
fail=0
page="$top_srcdir/man/llmadvisor.1"
if command -v mandoc >/dev/null 2>&1; then
	if mandoc -Tlint -Wwarning "$page"; then pass=$((pass + 1)); else
		echo "FAIL: mandoc -Tlint reports problems"; fail=$((fail + 1)); fi
else
	echo "mandoc not installed: lint skipped"
fi
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
echo "man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
