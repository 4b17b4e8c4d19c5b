#!/bin/sh
# tui_frame.sh PROGRAM - time the terminal UI for `make bench`: launch to
# first screen; a slider key press to the updated screen (costs, verdict,
# flip points, chart and drawing); and the same key to the confidence (the
# 10,000 Monte Carlo samples, drawn in the frame after when no other key
# waits), from the program's own LLMADVISOR_FRAME_LOG.  Prints
# "NAME VALUE UNIT" lines.
set -u
program=$1
command -v tmux >/dev/null 2>&1 || { echo "tui_frame skipped: no tmux"; exit 0; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-bench.XXXXXX") || exit 1
T="tmux -S $dir/sock -f /dev/null"
trap '$T kill-server 2>/dev/null; rm -rf "$dir"' EXIT
export LANG=C.UTF-8 ESCDELAY=25
unset TMUX
wait_for() {	# TEXT: poll the screen for up to 5 s
	i=0
	while [ $i -lt 100 ]; do
		$T capture-pane -p -t t 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
$T new-session -d -s t -x 100 -y 30 \
	"TERM=tmux-256color XDG_STATE_HOME=$dir/state LLMADVISOR_FRAME_LOG=$dir/log $program; $T wait-for -S done; sleep 30"
wait_for "1 of" || { echo "tui_frame: the questionnaire did not appear"; exit 1; }
$T send-keys -t t Tab
wait_for "scenarios agree" || { echo "tui_frame: no results screen"; exit 1; }
n=0
while [ $n -lt 20 ]; do
	before=$(grep -c '^confidence' "$dir/log" 2>/dev/null)
	# Right then Left: every key moves the slider (at its end a key
	# would change nothing and cost nothing).
	if [ $((n % 2)) -eq 0 ]; then key=Right; else key=Left; fi
	$T send-keys -t t $key
	i=0
	while [ $i -lt 100 ] && [ "$(grep -c '^confidence' "$dir/log")" -le "$before" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	n=$((n + 1))
done
$T send-keys -t t q
timeout 5 $T wait-for done
awk '/^first-frame/ { printf "tui_launch_to_first_screen %.3f ms (budget 50 ms)\n", $5 }' "$dir/log"
grep '^frame' "$dir/log" | tail -n 20 | awk '{ print $9 }' | sort -n |
	awk '{ v[NR] = $1 } END { if (NR) printf "tui_frame %.3f ms (budget 16 ms, median of %d slider keys)\n", v[int((NR + 1) / 2)], NR }'
grep '^confidence' "$dir/log" | awk '{ print $7 }' | sort -n | tail -n 20 |
	awk '{ v[NR] = $1 } END { if (NR) printf "tui_frame_with_confidence %.3f ms (no budget: the key to the Monte Carlo'"'"'s confidence, median of %d)\n", v[int((NR + 1) / 2)], NR }'
