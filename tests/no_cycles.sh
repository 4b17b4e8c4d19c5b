#!/bin/sh
# no_cycles.sh [ARCHIVE] - the core library's object files use each other
# without cycles: when A.o uses a symbol that B.o defines, B.o must not use
# a symbol of A.o, neither directly nor through other objects.  A cycle
# means two modules cannot be understood, tested or replaced one without
# the other.
#
# The graph comes from the linker's view (nm over the archive), so it sees
# what is really linked, not what headers are included.  Each cycle is
# printed as its chain of objects, and each step with the symbols that make
# it, e.g.
#
#	cycle: jsonio.o -> report.o -> jsonio.o
#	  jsonio.o uses report.o: report_verdict_name
#	  report.o uses jsonio.o: jsonio_render_report
#
# Exit 0: no cycle; 1: cycles (listed); 77: no nm here; 99: the archive
# could not be read or holds no symbols (so the test never passes empty).
# ARCHIVE defaults to the built src/libadvisor.a; tests/no_cycles_selftest.sh
# runs this script on small hand-made archives with known answers.
set -u
archive=${1:-${top_builddir:-.}/src/libadvisor.a}
NM=${NM:-nm}

if ! command -v "$NM" >/dev/null 2>&1; then
	echo "SKIP: $NM not found, cannot read $archive"
	exit 77
fi
if [ ! -r "$archive" ]; then
	echo "ERROR: cannot read $archive"
	exit 99
fi
symbols=$(LC_ALL=C "$NM" -A -P -g "$archive") || {
	echo "ERROR: $NM failed on $archive"
	exit 99
}

# Lines are "ARCHIVE[OBJECT]: SYMBOL TYPE [VALUE SIZE]".  First the edges
# "USER DEFINER SYMBOL", sorted so the report is the same on every run.
edges=$(printf '%s\n' "$symbols" | LC_ALL=C awk '
	NF >= 2 {
		object = $1
		sub(/:$/, "", object)
		sub(/^.*\[/, "", object)
		sub(/\]$/, "", object)
		objects[object] = 1
		if ($3 == "U" || $3 == "w" || $3 == "v")
			used[++nused] = object " " $2
		else if (!($2 in definer))
			definer[$2] = object
	}
	END {
		count = 0
		for (name in definer) count++
		if (count == 0) { print "NO-SYMBOLS"; exit }
		for (i = 1; i <= nused; i++) {
			split(used[i], part, " ")
			if ((part[2] in definer) && definer[part[2]] != part[1])
				print part[1], definer[part[2]], part[2]
		}
	}' | LC_ALL=C sort -u)
if [ "$edges" = "NO-SYMBOLS" ]; then
	echo "ERROR: $archive defines no symbols"
	exit 99
fi

# Then, for every edge A -> B where B leads back to A, the shortest way
# back (breadth-first search) closes a cycle; each cycle is printed once,
# starting from its alphabetically first object.
printf '%s\n' "$edges" | LC_ALL=C awk '
	NF == 3 {
		key = $1 SUBSEP $2
		if (!(key in symbols)) {
			symbols[key] = $3
			nedge++; edge_from[nedge] = $1; edge_to[nedge] = $2
			degree[$1]++
			next_of[$1, degree[$1]] = $2
		} else
			symbols[key] = symbols[key] ", " $3
	}
	# path(FROM, TO): the objects on a shortest path FROM ... TO,
	# separated by spaces, or "" when TO cannot be reached.
	function path(from, to,    queue, head, tail, seen, parent, node, i, next_node, result) {
		head = 1; tail = 1; queue[1] = from; seen[from] = 1
		while (head <= tail) {
			node = queue[head++]
			if (node == to) {
				result = to
				while (node != from) {
					node = parent[node]
					result = node " " result
				}
				return result
			}
			for (i = 1; i <= degree[node]; i++) {
				next_node = next_of[node, i]
				if (!(next_node in seen)) {
					seen[next_node] = 1
					parent[next_node] = node
					queue[++tail] = next_node
				}
			}
		}
		return ""
	}
	END {
		cycles = 0
		for (e = 1; e <= nedge; e++) {
			back = path(edge_to[e], edge_from[e])
			if (back == "") continue
			n = split(edge_from[e] " " back, chain, " ")
			# chain[1] == chain[n]; rotate to start at the smallest.
			first = 1
			for (i = 2; i < n; i++) if (chain[i] < chain[first]) first = i
			key = ""
			for (i = 0; i < n - 1; i++)
				key = key chain[(first - 1 + i) % (n - 1) + 1] " -> "
			key = key chain[first]
			if (key in printed) continue
			printed[key] = 1
			cycles++
			print "cycle: " key
			for (i = 0; i < n - 1; i++) {
				a = chain[(first - 1 + i) % (n - 1) + 1]
				b = chain[(first + i) % (n - 1) + 1]
				print "  " a " uses " b ": " symbols[a, b]
			}
		}
		if (cycles) {
			print cycles " cycle(s) among the objects"
			exit 1
		}
	}'
status=$?
if [ "$status" -ne 0 ]; then exit 1; fi
echo "no cycles among the objects of $archive"
exit 0
