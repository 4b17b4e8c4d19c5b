#!/bin/sh
# atomic.sh - nothing lost: output is written whole or not at all.  A
# failed or killed run leaves an existing file as it was, a temporary file
# is created next to the target (and removed on failure), links and
# permissions are kept, full devices and unwritable folders give exit 1
# with a message.
#
# No test here can replace a real device node: device targets are private
# nodes made with mknod in the scratch folder (skipped where mknod is not
# allowed); the /dev/full regression check stays in cli.sh.
set -u
testlib_name=atomic
. "$top_srcdir/tests/testlib.sh"
BAD="$top_srcdir/tests/bad/answers/bad-choice.yaml"

same() {	# FILE TEXT: FILE holds exactly the line TEXT
	if [ "$(cat "$1" 2>/dev/null)" = "$2" ]; then ok; else
		bad "$1 changed: $(head -c 60 "$1" 2>/dev/null)"; fi
}
no_temporary() {	# FOLDER: no .NAME.XXXXXX file is left in it
	if ls -a "$1" | grep -q '^\..*\.[A-Za-z0-9]\{6\}$'; then
		bad "temporary file left in $1: $(ls -a "$1" | tr '\n' ' ')"
	else ok; fi
}

# A successful write replaces the file whole and leaves nothing behind.
echo "old" >out.json
run 0 -d "$DATA" -o out.json
has out.json '"verdict":'
no_temporary .

# Invalid input (exit 2): the existing file is untouched.
echo "precious" >keep.json
run 2 -d "$DATA" -a "$BAD" -o keep.json
same keep.json "precious"
no_temporary .

# A write that fails half-way (the file size limit, with SIGXFSZ ignored so
# write() fails with EFBIG): exit 1, a message, the old file intact and the
# temporary file removed.
echo "precious" >keep.json
(trap '' XFSZ; ulimit -f 8; exec "$LLMADVISOR" -d "$DATA" -f json -o keep.json \
	</dev/null >stdout 2>stderr)
status=$?
if [ "$status" -eq 1 ]; then ok; else bad "EFBIG: exit $status, expected 1"; fi
has stderr "llmadvisor: keep.json: cannot write: File too large"
same keep.json "precious"
no_temporary .

# Killed in the middle of writing (SIGXFSZ's default action): the old file
# is still intact, and the partial output sits in a temporary file next to
# the target, readable by its owner only, never in the target itself.
mkdir -p killed
echo "precious" >killed/keep.json
# (The outer subshell takes the shell's "File size limit exceeded" notice.)
( (ulimit -f 8; exec "$LLMADVISOR" -d "$DATA" -f json -o killed/keep.json \
	</dev/null >stdout 2>stderr) ) 2>/dev/null
status=$?
if [ "$status" -gt 128 ]; then ok; else bad "not killed: exit $status"; fi
same killed/keep.json "precious"
partial=$(ls -a killed | grep '^\.keep\.json\.' | head -n 1)
if [ -n "$partial" ]; then ok; else
	bad "no temporary file next to the target: $(ls -a killed | tr '\n' ' ')"; fi
if [ -n "$partial" ] && [ "$(stat -c %a "killed/$partial")" = 600 ]; then ok; else
	bad "temporary file not private: $(ls -la killed)"; fi

# Permissions of an existing file are kept.
echo "old" >mode.json
chmod 640 mode.json
run 0 -d "$DATA" -o mode.json
if [ "$(stat -c %a mode.json)" = 640 ]; then ok; else
	bad "mode.json: mode $(stat -c %a mode.json), expected 640"; fi

# A symbolic link is kept and the file it names is replaced; the temporary
# file is made next to that file, in its folder.
mkdir -p real links
echo "old" >real/report.md
ln -s ../real/report.md links/report.md
run 0 -d "$DATA" -o links/report.md
if [ -L links/report.md ]; then ok; else bad "links/report.md is no longer a link"; fi
has real/report.md "# LLM decision report"
no_temporary real
no_temporary links
# ... also when the run fails.
echo "precious" >real/report.md
run 2 -d "$DATA" -a "$BAD" -o links/report.md
same real/report.md "precious"
if [ -L links/report.md ]; then ok; else bad "failed run replaced the link"; fi

# A folder that cannot take a file (here its parent is a file: root may
# write anywhere): exit 1 with a message, nothing changed or created.
echo "a file" >notafolder
run 1 -d "$DATA" -f json -o notafolder/out.json
has stderr "llmadvisor: notafolder/out.json: cannot create a temporary file: Not a directory"
same notafolder "a file"
# A folder as the target.
mkdir -p afolder
run 1 -d "$DATA" -f json -o afolder
has stderr "llmadvisor: afolder: is a folder"

# A read-only folder for a user other than root, where one can be used
# (nobody must be able to run the program and read the data).
chmod 755 "$work"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$LLMADVISOR" -d "$DATA" -f json </dev/null >/dev/null 2>&1; then
	mkdir -p ro
	echo "precious" >ro/keep.json
	chmod 755 ro
	chmod 666 ro/keep.json	# the file may be written, its folder not
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$LLMADVISOR" -d "$DATA" -f json -o ro/keep.json \
		</dev/null >stdout 2>stderr
	status=$?
	if [ "$status" -eq 1 ]; then ok; else bad "read-only folder: exit $status"; fi
	has stderr "llmadvisor: ro/keep.json: cannot create a temporary file: Permission denied"
	same ro/keep.json "precious"
	no_temporary ro
else
	skip "not root, or setpriv or user nobody unavailable: read-only folder not checked"
fi

# Full devices: a private /dev/full node (never the real one), and
# standard output on a full device.
if mknod full c 1 7 2>/dev/null && [ -c full ] && ! echo x 2>/dev/null >full; then
	run 1 -d "$DATA" -f json -o full
	has stderr "llmadvisor: full: cannot write: No space left on device"
	if [ -c full ]; then ok; else bad "the device node was replaced"; fi
	no_temporary .
	"$LLMADVISOR" -d "$DATA" -f markdown </dev/null >full 2>stderr
	status=$?
	if [ "$status" -eq 1 ]; then ok; else bad "stdout on a full device: exit $status"; fi
	has stderr "llmadvisor: standard output: No space left on device"
else
	skip "mknod not allowed: private full device not checked (see cli.sh)"
fi

testlib_summary
