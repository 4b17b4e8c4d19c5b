#!/bin/sh
# i18n.sh - the German catalogue is complete and used: --help, text and
# markdown come out in German under LANGUAGE=de, JSON stays English (it
# is an API), and numbers in JSON keep their decimal point.
set -u
: "${top_srcdir:?}" "${LLMADVISOR:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/llmadvisor-i18n.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
DATA="$top_srcdir/data"

if ! command -v msgfmt >/dev/null 2>&1; then
	echo "msgfmt not installed: gettext is needed"; exit 77
fi
# Complete: no untranslated or fuzzy entries, valid format strings.
stats=$(msgfmt -c --statistics -o "$work/de.mo" "$top_srcdir/po/de.po" 2>&1)
case $stats in
*untranslated*|*fuzzy*) bad "po/de.po is incomplete: $stats" ;;
*" translated message"*) ok ;;
*) bad "msgfmt: $stats" ;;
esac
mkdir -p "$work/locale/de/LC_MESSAGES"
cp "$work/de.mo" "$work/locale/de/LC_MESSAGES/llmadvisor.mo"

de() {	# runs llmadvisor in German
	LLMADVISOR_LOCALEDIR="$work/locale" LANG=C.UTF-8 LC_ALL= LANGUAGE=de \
		"$LLMADVISOR" "$@" </dev/null
}
en() {
	LANG=C.UTF-8 LC_ALL= LANGUAGE= "$LLMADVISOR" "$@" </dev/null
}
has() {	# FILE TEXT
	if grep -qF -- "$2" "$1"; then ok; else bad "$1 lacks '$2'"; head -5 "$1"; fi
}

de --help >"$work/help.de"
en --help >"$work/help.en"
if cmp -s "$work/help.de" "$work/help.en"; then bad "--help is not translated"; else ok; fi
has "$work/help.de" "--set"
# The article's model (self_hosted_model) keeps every outcome in the text.
de -d "$DATA" -f text --set self_hosted_model=llama-3.1-70b >"$work/text.de"
has "$work/text.de" "Empfehlung: Geschlossen (API)"
de -d "$DATA" -f markdown --set privacy=hard --set deployment=on_prem >"$work/md.de"
has "$work/md.de" "Empfehlung: Offen (selbst betrieben)"
de -d "$DATA" -f text --set team.expertise=some --set volume.input_tokens=200M \
	--set lock_in=avoid --set self_hosted_model=llama-3.1-70b >"$work/hybrid.de"
has "$work/hybrid.de" "Empfehlung: Beides (hybrid)"
# Reports use the full kind names; the narrow results table has its own
# short forms (msgctxt "table cell"). The team is described, not keyed.
has "$work/text.de" "Geschlossene API"
if grep -q "Geschl\. API" "$work/text.de" "$work/md.de"; then
	bad "a report uses the table's short kind name"; else ok; fi
has "$work/text.de" "Team: keine Erfahrung mit ML-Infrastruktur,"
has "$work/hybrid.de" "Team: etwas Erfahrung im Betrieb von Modellen,"
if msgunfmt "$work/de.mo" | grep -A2 '^msgctxt "table cell"' |
    grep -q 'msgstr "Geschl\. API"'; then ok; else
	bad "no short table form of Closed API in the catalogue"; fi
# The text report's chart is drawn in ASCII, one line per outcome, but
# its title and legend keep the German letters.
has "$work/text.de" "Monatskosten + Zuschläge (USD) nach Volumen (Token), log. Skalen"
has "$work/text.de" "C geschlossene API  H Open-Weight-API"
has "$work/text.de" "++----"
# The outcome table's 24-column cells hold the German verdict phrases
# whole: report_cell marks a cut with "~" before the cell's padding.
has "$work/text.de" "Ergebnis                   Monatl.   Zuschl.    Erfolg  Effektiv  Status"
if grep -q "~  " "$work/text.de" "$work/hybrid.de"; then
	bad "a German table cell was cut"
	grep "~  " "$work/text.de" "$work/hybrid.de" | head -3
else ok; fi
# Every English rule text has a German counterpart in the output.
en -d "$DATA" -f text >"$work/text.en"
if grep -q "Nobody on the team runs ML infrastructure" "$work/text.de"; then
	bad "a rule text stayed English"
else ok; fi
# Error messages too.
de -d "$DATA" -f json -s volume.input_tokens=lots >/dev/null 2>"$work/error.de"
if grep -q "must be a number" "$work/error.de"; then
	bad "an error message stayed English"; else ok; fi
# libyaml's own messages too (po/yaml-messages.c).
printf 'volume: [1, 2\nteam: x\n' >"$work/broken.yaml"
de -d "$DATA" -f json -a "$work/broken.yaml" >/dev/null 2>"$work/yaml.de"
has "$work/yaml.de" "broken.yaml:2:5: beim Auswerten einer Flow-Liste: erwartetes „,“ oder „]“ nicht gefunden"
printf 'privacy: hard\n\tteam: x\n' >"$work/tab.yaml"
de -d "$DATA" -f json -a "$work/tab.yaml" >/dev/null 2>"$work/tab.de"
has "$work/tab.de" "tab.yaml:2:1: beim Lesen eines einfachen Skalars: Tabulator gefunden, der die Einrückung verletzt"
# Sentences that take a noun from another message stay grammatical.
mkdir -p "$work/keydata"
printf 'prices:\n  - model: gpt-4o\n    colour: 1\n' >"$work/keydata/prices.yaml"
de -d "$work/keydata" -f json >/dev/null 2>"$work/key.de"
has "$work/key.de" "keydata/prices.yaml:3:5: ein Preiseintrag kennt keinen Schlüssel „colour“"
# JSON is an API: the same bytes in any language.
de -d "$DATA" -f json >"$work/de.json"
en -d "$DATA" -f json >"$work/en.json"
if cmp -s "$work/de.json" "$work/en.json"; then ok; else
	bad "JSON differs under LANGUAGE=de"
	diff "$work/en.json" "$work/de.json" | head -10
fi

echo "i18n: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
