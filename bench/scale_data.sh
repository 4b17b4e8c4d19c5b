#!/bin/sh
# scale_data.sh SRCDIR N OUTDIR - writes OUTDIR/models.yaml and
# OUTDIR/gpus.yaml holding every model and GPU of SRCDIR N times (copies
# get the id suffix -cK and no aliases, which must stay unique), so that
# `make bench` can show how the figures grow with the options.  defaults
# and rules come from the usual lookup (an --data-dir folder needs only
# the files it replaces).
set -eu
src=$1 n=$2 out=$3
mkdir -p "$out"
for file in models gpus; do
	awk -v copies="$n" -v list="$file" '
	# Everything before the list, once; the list items, copies times.
	!started { head = head $0 "\n"; if ($0 == list ":") started = 1; next }
	{ body[++lines] = $0 }
	END {
		printf "%s", head
		for (k = 0; k < copies; k++) {
			skipping = 0
			for (i = 1; i <= lines; i++) {
				line = body[i]
				if (k > 0 && line ~ /^    aliases:/)
					skipping = 1
				if (skipping) {
					if (line ~ /\]/)
						skipping = 0
					continue
				}
				if (k > 0 && line ~ /^  - id: /)
					line = line "-c" k
				print line
			}
		}
	}' "$src/$file.yaml" >"$out/$file.yaml"
done
