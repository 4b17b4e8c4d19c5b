#!/bin/sh
# data_strings.sh - po/data-strings.c (the rule texts for xgettext) must
# match data/rules.yaml, or the German catalogue would miss rule texts.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
"$top_builddir/tests/print_data_strings" "$top_srcdir/data" >data-strings.tmp || exit 1
if cmp -s data-strings.tmp "$top_srcdir/po/data-strings.c"; then
	rm -f data-strings.tmp
	echo "data strings: 1 passed, 0 failed"
	exit 0
fi
diff "$top_srcdir/po/data-strings.c" data-strings.tmp | head -20
rm -f data-strings.tmp
echo "po/data-strings.c is out of date: run make update-data-strings"
echo "data strings: 0 passed, 1 failed"
exit 1
