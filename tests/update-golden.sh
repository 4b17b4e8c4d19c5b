#!/bin/sh
# update-golden.sh - rewrites tests/golden/ from the current build, for a
# deliberate change of the reports or the data.  Review the diff before
# committing it: the golden files are what users will see.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
data="$top/data"
# The data folder is reached as DATA (a link in a scratch folder), as
# tests/cli.sh does, so paths and the lines they wrap do not depend on
# where the tree is.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-golden.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
ln -s "$data" "$scratch/DATA"
cd "$scratch"
for answers in "$top"/tests/answers/*.yaml; do
	name=$(basename "$answers" .yaml)
	for format in text markdown json; do
		[ -f "$top/tests/golden/$name.$format" ] || [ "$name" = full ] || continue
		LANG=C LC_ALL=C LANGUAGE= XDG_CONFIG_HOME=/nonexistent \
			SOURCE_DATE_EPOCH=1795824000 \
			"$top/src/llmadvisor" -d DATA -a "$answers" -f "$format" \
			</dev/null >"$top/tests/golden/$name.$format"
	done
done
# German goldens (NAME.de.FORMAT, as tests/cli.sh reads them): the human
# reports under LANGUAGE=de with the catalogue compiled from po/de.po.
mkdir -p locale/de/LC_MESSAGES
msgfmt -o locale/de/LC_MESSAGES/llmadvisor.mo "$top/po/de.po"
for format in text markdown; do
	LLMADVISOR_LOCALEDIR="$scratch/locale" LANG=C.UTF-8 LC_ALL= LANGUAGE=de \
		XDG_CONFIG_HOME=/nonexistent SOURCE_DATE_EPOCH=1795824000 \
		"$top/src/llmadvisor" -d DATA -a "$top/tests/answers/full.yaml" \
		-f "$format" </dev/null >"$top/tests/golden/full.de.$format"
done
