# testlib.sh - shared by the command-line test scripts (cli.sh, prices.sh,
# atomic.sh): a scratch folder that is removed at exit, pass/fail/skip
# counting, and checks that say what went wrong.  Use:
#
#	testlib_name=cli
#	. "$top_srcdir/tests/testlib.sh"
#	... checks ...
#	testlib_summary
: "${top_srcdir:?}" "${LLMADVISOR:?}" "${testlib_name:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-$testlib_name.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99
pass=0
fail=0
skipped=0
DATA="$top_srcdir/data"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
# skip REASON: a check that cannot run here says so and is counted, never
# passes silently.
skip() { echo "SKIP: $*"; skipped=$((skipped + 1)); }

# testlib_summary: the counts; the status is non-zero when a check failed.
testlib_summary() {
	echo "$testlib_name: $pass passed, $fail failed, $skipped skipped"
	[ "$fail" -eq 0 ]
}

# run STATUS ARGS...: runs llmadvisor with no terminal, expects STATUS;
# leaves its output in stdout and stderr.
run() {
	expected=$1
	shift
	"$LLMADVISOR" "$@" </dev/null >stdout 2>stderr
	got=$?
	if [ "$got" -eq "$expected" ]; then ok; else
		bad "llmadvisor $*: exit $got, expected $expected"; cat stderr; fi
}

# has FILE TEXT: FILE contains TEXT.
has() {
	if grep -qF -- "$2" "$1"; then ok; else
		bad "$1 lacks '$2'"; sed 's/^/  | /' "$1" | head -20; fi
}
