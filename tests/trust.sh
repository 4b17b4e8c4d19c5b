#!/bin/sh
# trust.sh - where llmadvisor meets the file system and the environment:
# a policy or data file that cannot be used is an error (exit 2) that
# names it, never a silent fall-back to the defaults; inputs that are
# FIFOs or devices are refused at once instead of hanging; outputs never
# clobber through a dangling link, a link loop, a read-only file or the
# answers file; files llmadvisor keeps itself refuse links; dates are
# real.  Every run is bounded by timeout, so a hang fails instead of
# blocking the suite.
set -u
testlib_name=trust
. "$top_srcdir/tests/testlib.sh"
ANSWERS="$top_srcdir/tests/answers/full.yaml"

# brun STATUS ARGS...: run with a 10-second bound (a hang is status 124).
brun() {
	expected=$1
	shift
	timeout 10 "$LLMADVISOR" "$@" </dev/null >stdout 2>stderr
	got=$?
	if [ "$got" -eq "$expected" ]; then ok; else
		bad "llmadvisor $*: exit $got, expected $expected"; cat stderr; fi
}
# copy_data FOLDER: a private copy of the shipped data.
copy_data() {
	rm -rf "$1"
	mkdir -p "$1"
	cp "$DATA"/*.yaml "$1"/
}

# --- Policy and data are never silently replaced by defaults ----------
copy_data d
mkdir d/rules.d
printf 'rules:\n  - id: house-veto\n    when: privacy != "none"\n    veto: [api]\n    because: "House policy."\n' >policy.yaml
# A rules.d that is a plain file, or a dangling link.
rmdir d/rules.d
: >d/rules.d
brun 2 -d d -f json
has stderr "d/rules.d: cannot read the rules folder"
rm d/rules.d
ln -s "$work/missing-folder" d/rules.d
brun 2 -d d -f json
has stderr "d/rules.d: cannot read the rules folder"
rm d/rules.d
# A rules file in rules.d that is a dangling link or a FIFO.
mkdir d/rules.d
ln -s "$work/missing.yaml" d/rules.d/house.yaml
brun 2 -d d -f json
has stderr "d/rules.d/house.yaml"
rm d/rules.d/house.yaml
mkfifo d/rules.d/house.yaml
brun 2 -d d -f json
has stderr "d/rules.d/house.yaml: not a regular file"
rm -r d/rules.d

# gpus.yaml that is a folder, a dangling link, a link to /dev/zero, a FIFO.
for kind in folder dangling zero fifo; do
	copy_data d
	rm d/gpus.yaml
	case $kind in
	folder) mkdir d/gpus.yaml ;;
	dangling) ln -s "$work/nothing.yaml" d/gpus.yaml ;;
	zero) ln -s /dev/zero d/gpus.yaml ;;
	fifo) mkfifo d/gpus.yaml ;;
	esac
	brun 2 -d d -f json
	has stderr "d/gpus.yaml"
done
# prices.yaml: a dangling link or a FIFO in the configuration folder.
copy_data d
mkdir -p cfg/llmadvisor
ln -s "$work/gone.yaml" cfg/llmadvisor/prices.yaml
XDG_CONFIG_HOME="$work/cfg" brun 2 -d d -f json
has stderr "cfg/llmadvisor/prices.yaml"
rm cfg/llmadvisor/prices.yaml
mkfifo cfg/llmadvisor/prices.yaml
XDG_CONFIG_HOME="$work/cfg" brun 2 -d d -f json
has stderr "prices.yaml: not a regular file"
rm -r cfg
# LLMADVISOR_DATADIR pointing nowhere, or at a file.
LLMADVISOR_DATADIR="$work/nowhere" brun 2 -f json
has stderr "LLMADVISOR_DATADIR $work/nowhere: No such file or directory"
LLMADVISOR_DATADIR="$ANSWERS" brun 2 -f json
has stderr "not a folder"

# Unreadable folders, for a user other than root (root reads anything).
chmod 755 "$work"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$LLMADVISOR" -d "$DATA" -f json </dev/null >/dev/null 2>&1; then
	copy_data shut
	chmod -R a+r shut
	chmod 000 shut
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		timeout 10 "$LLMADVISOR" -d shut -f json </dev/null >stdout 2>stderr
	status=$?
	if [ "$status" -eq 2 ]; then ok; else bad "-d with mode 000: exit $status, expected 2"; fi
	has stderr "shut: cannot be read"
	chmod 755 shut
	copy_data d
	chmod -R a+rX d
	mkdir d/rules.d
	cp policy.yaml d/rules.d/house.yaml
	chmod 000 d/rules.d
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		timeout 10 "$LLMADVISOR" -d d -f json </dev/null >stdout 2>stderr
	status=$?
	if [ "$status" -eq 2 ]; then ok; else bad "rules.d with mode 000: exit $status, expected 2"; fi
	has stderr "rules.d: cannot read the rules folder"
	chmod 755 d/rules.d
	# A read-only output file in a writable folder is refused.
	mkdir -p open
	chmod 777 open
	echo "precious" >open/keep.json
	chmod 644 open/keep.json
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		timeout 10 "$LLMADVISOR" -d "$DATA" -f json -o open/keep.json \
		</dev/null >stdout 2>stderr
	status=$?
	if [ "$status" -eq 1 ]; then ok; else bad "read-only file: exit $status, expected 1"; fi
	has stderr "open/keep.json: the file is read-only; nothing written"
	if [ "$(cat open/keep.json)" = precious ] && [ "$(stat -c %U open/keep.json)" = root ]; then
		ok; else bad "read-only file replaced: $(ls -l open/keep.json)"; fi
else
	echo "SKIP: unreadable folders and read-only files need root, setpriv and user nobody"
fi

# --- Inputs that are FIFOs or devices are refused, never waited on ----
mkfifo answers.fifo
brun 2 -d "$DATA" -a answers.fifo -f json
has stderr "answers.fifo: not a regular file"
brun 2 -d "$DATA" --import-prices answers.fifo
has stderr "answers.fifo: not a regular file"
brun 2 -d "$DATA" -a /dev/zero -f json
has stderr "/dev/zero: not a regular file"

# --- Outputs ------------------------------------------------------------
# A dangling link and a link loop are refused, and stay as they were.
ln -s "$work/nowhere/out.json" dangling.json
brun 1 -d "$DATA" -f json -o dangling.json
has stderr "dangling.json: is a symbolic link to a missing file; nothing written"
if [ -L dangling.json ]; then ok; else bad "the dangling link was replaced"; fi
ln -s loop-b.json loop-a.json
ln -s loop-a.json loop-b.json
brun 1 -d "$DATA" -f json -o loop-a.json
has stderr "loop-a.json: the symbolic links loop; nothing written"
if [ -L loop-a.json ]; then ok; else bad "the link loop was replaced"; fi
# The answers file is never the output.
cp "$ANSWERS" team.yaml
brun 2 -a team.yaml -o team.yaml -f markdown
has stderr "--answers and --output name the same file"
if cmp -s "$ANSWERS" team.yaml; then ok; else bad "team.yaml was overwritten"; fi
ln -s team.yaml alias.yaml
brun 2 -a team.yaml -o alias.yaml
if cmp -s "$ANSWERS" team.yaml; then ok; else bad "team.yaml was overwritten through a link"; fi
# An empty output name is a usage error.
brun 2 -d "$DATA" -f json -o ''
has stderr "--output needs a file name"
# A FIFO nobody reads: an error at once, not a hang.
mkfifo out.fifo
brun 1 -d "$DATA" -f json -o out.fifo
has stderr "out.fifo: no program is reading this pipe"
# --help and --version to a full device: exit 1 with a message.
if [ -w /dev/full ]; then
	"$LLMADVISOR" --help >/dev/full 2>stderr
	status=$?
	if [ "$status" -eq 1 ]; then ok; else bad "--help >/dev/full: exit $status"; fi
	has stderr "standard output: No space left on device"
	"$LLMADVISOR" -V >/dev/full 2>stderr
	status=$?
	if [ "$status" -eq 1 ]; then ok; else bad "-V >/dev/full: exit $status"; fi
else
	echo "SKIP: /dev/full is not writable here"
fi

# --- Files llmadvisor keeps itself refuse links -----------------------
# A planted link at the imported prices.yaml is not written through.
mkdir -p conf/llmadvisor
echo "precious" >victim.txt
ln -s "$work/victim.txt" conf/llmadvisor/prices.yaml
XDG_CONFIG_HOME="$work/conf" brun 2 -d "$DATA" --import-prices "$top_srcdir/tests/prices/genai.json"
if [ "$(cat victim.txt)" = precious ]; then ok; else bad "prices.yaml link target overwritten"; fi
rm -r conf
# --resume refuses a link at the autosave.
mkdir -p state/llmadvisor
cp "$ANSWERS" answers-target.yaml
ln -s "$work/answers-target.yaml" state/llmadvisor/autosave.yaml
XDG_STATE_HOME="$work/state" brun 2 -d "$DATA" --resume -f json
has stderr "autosave.yaml: is a symbolic link, which is refused here"

# --- Dates ---------------------------------------------------------------
for epoch in abc -1 12x 9223372036854775807 253402300800 ' 5'; do
	SOURCE_DATE_EPOCH=$epoch brun 2 -d "$DATA" -f json
	has stderr "SOURCE_DATE_EPOCH must be a whole number"
done
SOURCE_DATE_EPOCH=253402300799 brun 0 -d "$DATA" -f json
has stdout '9999-12-31'
# The import never writes a half-checked prices.yaml, whatever the date.
mkdir -p late/llmadvisor
echo "# precious" >late/llmadvisor/prices.yaml
# (An as-of date in the future would not load back.)
XDG_CONFIG_HOME="$work/late" brun 1 -d "$DATA" --import-prices "$top_srcdir/tests/prices/genai.json" --as-of 2199-01-01
if [ "$(cat late/llmadvisor/prices.yaml)" = "# precious" ]; then ok; else
	bad "a failed import changed prices.yaml: $(head -c 80 late/llmadvisor/prices.yaml)"; fi

# --- The report says which rules decided ----------------------------------
# A rules.d file that switches off the privacy veto is named, and warned
# about, in every report.
copy_data d
mkdir -p d/rules.d
printf 'disable: [privacy-hard]\n' >d/rules.d/lax.yaml
brun 0 -d d -f json --samples 10 -s privacy=hard
has stdout '"id":	"veto-disabled"'
has stdout 'rules.d/lax.yaml switches off the veto'
has stdout '"disabled":	["privacy-hard"]'
# Reusing a built-in rule's id in another file (without disabling it
# first) is an error, not a silent replacement.
mv d/rules.d/lax.yaml lax.yaml.kept
printf 'rules:\n  - {id: privacy-hard, when: "true", warn: x, because: y}\n' \
	>d/rules.d/reuse.yaml
brun 2 -d d -f json
has stderr "rule 'privacy-hard' is already defined at"
rm d/rules.d/reuse.yaml
mv lax.yaml.kept d/rules.d/lax.yaml
brun 0 -d d -f text --samples 10
if tr '\n' ' ' <stdout | grep -q 'lax.yaml (0 rules; switches off *privacy-hard)'
then ok; else bad "the text report does not say lax.yaml switches off privacy-hard"; fi
rm -r d/rules.d

# --- Dates in the data are real and not in the future ---------------------
copy_data d
sed '0,/as_of: 20[0-9-]*/s//as_of: 2026-02-30/' "$DATA/defaults.yaml" >d/defaults.yaml
brun 2 -d d -f json
has stderr 'as_of must be a date YYYY-MM-DD, got "2026-02-30"'
sed '0,/as_of: 20[0-9-]*/s//as_of: 2199-01-01/' "$DATA/defaults.yaml" >d/defaults.yaml
brun 2 -d d -f json
has stderr 'as_of 2199-01-01 lies in the future'

# --as-of dates an import's undated prices; it needs --import-prices and a
# real date.
mkdir -p dated/llmadvisor
XDG_CONFIG_HOME="$work/dated" brun 0 -d "$DATA" --import-prices "$top_srcdir/tests/prices/genai.json" --as-of 2026-11-30
has dated/llmadvisor/prices.yaml "as_of: 2026-11-30"
brun 2 -d "$DATA" -f json --as-of 2026-11-30
has stderr "--as-of only applies to --import-prices"
XDG_CONFIG_HOME="$work/dated" brun 2 -d "$DATA" --import-prices "$top_srcdir/tests/prices/genai.json" --as-of 30.11.2026
has stderr "--as-of must be a date YYYY-MM-DD"

# --- Smaller limits ------------------------------------------------------
# --samples has a documented maximum that keeps a run to seconds.
brun 2 -d "$DATA" -f json --samples 1000001
has stderr "--samples must be a whole number from 1 to 1000000"
# An overlong --set key is an unknown key, not a malformed assignment.
long=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "k" }')
brun 2 -d "$DATA" -f json -s "$long=1"
has stderr "unknown key 'kkkk"

echo "trust: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
