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
# (on the text as one line: where it wraps depends on the figures)
tr '\n' ' ' <"$work/text.de" >"$work/text.de.line"
tr '\n' ' ' <"$work/hybrid.de" >"$work/hybrid.de.line"
has "$work/text.de.line" "Team: keine Erfahrung mit ML-Infrastruktur,"
has "$work/hybrid.de.line" "Team: etwas Erfahrung im Betrieb von Modellen,"
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
# Rule texts that count take their German singular or plural through
# ngettext (issue 16), and figures are German: 1.234 $, 50 Mio.
printf 'ecosystem: [tool_use, structured_output]\n' >"$work/two.yaml"
de -d "$DATA" -f text --set ecosystem=tool_use --set team.expertise=ml_infra \
	--set volume.input_tokens=1500M >"$work/one.de"
de -d "$DATA" -f text -a "$work/two.yaml" --set team.expertise=ml_infra \
	--set volume.input_tokens=1500M >"$work/two.de"
tr '\n' ' ' <"$work/one.de" | tr -s ' ' >"$work/one.de.line"
tr '\n' ' ' <"$work/two.de" | tr -s ' ' >"$work/two.de.line"
has "$work/one.de.line" "Sie brauchen 1 Plattformfunktion (Tool-Nutzung"
has "$work/two.de.line" "Sie brauchen 2 Plattformfunktionen (Tool-Nutzung"
nbsp=$(printf '\302\240')
has "$work/one.de.line" "1,5${nbsp}Mrd. Eingabe-"
if grep -q '\$[0-9]' "$work/one.de"; then
	bad "a German report writes dollars the English way"
	grep '\$[0-9]' "$work/one.de" | head -3
else ok; fi

# A German figure wider than its column is written whole, never cut
# ("405.000 $", not "405.00~").
de -d "$DATA" -f text --set volume.input_tokens=90B \
	--set volume.output_tokens=9B >"$work/huge.de"
if grep -q '[0-9]~' "$work/huge.de"; then
	bad "a German figure was cut"; grep '[0-9]~' "$work/huge.de" | head -3
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

# The messages locale is loaded only where it can translate
# (main_messages_translatable): each environment gives what
# setlocale(LC_MESSAGES, "") gave, German only where gettext would use
# the catalogue.
first_help_line() {	# ENV...: --help's first line under exactly ENV
	env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE \
		LLMADVISOR_LOCALEDIR="$work/locale" "$@" "$LLMADVISOR" --help \
		</dev/null | sed -n 1p
}
german=$(sed -n 1p "$work/help.de") english=$(sed -n 1p "$work/help.en")
while read -r want environment; do
	# shellcheck disable=SC2086 # the environment is words
	got=$(first_help_line $environment)
	case $want in German) expected=$german ;; *) expected=$english ;; esac
	if [ "$got" = "$expected" ]; then ok; else
		bad "$environment: '$got', not the $want '$expected'"; fi
done <<'EOF'
German LANG=C.UTF-8 LANGUAGE=de
German LC_ALL=C.UTF-8 LANGUAGE=de
German LANG=C LC_MESSAGES=C.utf8 LANGUAGE=de
English LANG=C.UTF-8
English LANG=C.UTF-8 LANGUAGE=
English LANG=C LANGUAGE=de
English LANG=POSIX LANGUAGE=de
English LANGUAGE=de
English LC_ALL=C LANG=C.UTF-8 LANGUAGE=de
English LC_MESSAGES=POSIX LANG=C.UTF-8 LANGUAGE=de
EOF
# A German locale, where the system has one, translates without LANGUAGE.
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	got=$(first_help_line LANG=de_DE.UTF-8)
	if [ "$got" = "$german" ]; then ok; else
		bad "LANG=de_DE.UTF-8: '$got', not '$german'"; fi
else
	echo "SKIP: no de_DE.UTF-8 locale here (locale -a)"
fi

echo "i18n: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
