#!/bin/sh
# no_cycles_selftest.sh - tests no_cycles.sh itself on small hand-made
# archives whose answer is known: a direct cycle, a cycle through a third
# object, a chain without cycles, and archives it cannot read.  Without
# this, a no_cycles.sh that never finds anything would pass unnoticed.
set -u
: "${top_srcdir:?}"
CC=${CC:-cc}
AR=${AR:-ar}
for tool in ${CC%% *} "$AR" "${NM:-nm}"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool not found"
		exit 77
	fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-no-cycles.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# object NAME DEFINES USES...: NAME.o defines function DEFINES and calls USES.
object() {
	name=$1 defines=$2
	shift 2
	{
		for used in "$@"; do echo "int $used(void);"; done
		printf 'int %s(void) { return 1' "$defines"
		for used in "$@"; do printf ' + %s()' "$used"; done
		echo '; }'
	} >"$name.c"
	$CC -c "$name.c" -o "$name.o" || exit 99
}
# archive NAME OBJECTS...: NAME.a holds OBJECTS (NAME.o each).
archive() {
	name=$1
	shift
	rm -f "$name.a"
	for member in "$@"; do set -- "$@" "$member.o"; shift; done
	"$AR" rc "$name.a" "$@" || exit 99
}
# check ARCHIVE STATUS: no_cycles.sh on ARCHIVE exits with STATUS; its
# output is left in out.
check() {
	sh "$top_srcdir/tests/no_cycles.sh" "$1" >out 2>&1
	got=$?
	if [ "$got" -eq "$2" ]; then ok; else
		bad "$1: exit $got, expected $2"; sed 's/^/  | /' out; fi
}
has() {
	if grep -qxF -- "$1" out; then ok; else
		bad "output lacks '$1'"; sed 's/^/  | /' out; fi
}
count() {	# N: out lists N cycles
	got=$(grep -c '^cycle: ' out)
	if [ "$got" -eq "$1" ]; then ok; else
		bad "$got cycles listed, expected $1"; sed 's/^/  | /' out; fi
}

# A direct cycle: alpha and beta use each other; gamma only uses alpha and
# a function no member defines (no edge).
object alpha alpha_run beta_run
object beta beta_run alpha_run
object gamma gamma_run alpha_run outside_run
archive direct alpha beta gamma
check direct.a 1
has "cycle: alpha.o -> beta.o -> alpha.o"
has "  alpha.o uses beta.o: beta_run"
has "  beta.o uses alpha.o: alpha_run"
count 1

# A cycle through others: one -> two -> three -> one.
object one one_run two_run
object two two_run three_run
object three three_run one_run
archive ring one two three
check ring.a 1
has "cycle: one.o -> two.o -> three.o -> one.o"
has "  three.o uses one.o: one_run"
count 1

# No cycle: a chain and a diamond with shared leaves.
object top top_run left_run right_run
object left left_run leaf_run
object right right_run leaf_run
object leaf leaf_run outside_run
archive diamond top left right leaf
check diamond.a 0
count 0

# Archives it cannot read never pass.
check missing.a 99
printf '!<arch>\n' >empty.a
check empty.a 99

echo "no_cycles self-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
