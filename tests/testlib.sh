# testlib.sh - shared by the command-line test scripts (cli.sh, prices.sh,
# atomic.sh): a scratch folder that is removed at exit, pass/fail counting,
# and checks that say what went wrong.  Use:
#
#	testlib_name=cli
#	. "$top_srcdir/tests/testlib.sh"
: "${top_srcdir:?}" "${LLMADVISOR:?}" "${testlib_name:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-$testlib_name.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99
pass=0
fail=0
DATA="$top_srcdir/data"

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

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
