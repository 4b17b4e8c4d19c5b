#!/bin/sh
# po_check.sh - every source file with translatable strings is listed in
# po/POTFILES.in, and every listed file exists; otherwise its messages
# would silently stay English.
set -u
: "${top_srcdir:?}"
cd "$top_srcdir" || exit 99
pass=0
fail=0
for file in src/*.c src/*.h; do
	case $file in src/embedded_data.c) continue ;; esac
	[ -f "$file" ] || continue
	if grep -qE '(^|[^A-Za-z0-9_])(N?_|ngettext_|pgettext_)\("' "$file"; then
		if grep -qx "$file" po/POTFILES.in; then
			pass=$((pass + 1))
		else
			echo "FAIL: $file has translatable strings but is not in po/POTFILES.in"
			fail=$((fail + 1))
		fi
	fi
done
for file in $(grep -v '^#' po/POTFILES.in); do
	if [ -f "$file" ]; then pass=$((pass + 1)); else
		echo "FAIL: po/POTFILES.in lists $file, which does not exist"
		fail=$((fail + 1))
	fi
done
echo "po check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
