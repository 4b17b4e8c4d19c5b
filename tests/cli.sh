#!/bin/sh
# cli.sh - the command-line contract: options, formats, exit statuses,
# atomic output, golden reports, locale independence.
set -u
testlib_name=cli
. "$top_srcdir/tests/testlib.sh"



# Help and version.
run 0 --help
has stdout "Usage: llmadvisor [OPTION]..."
for option in --answers --format --output --set --data-dir --samples --seed --help --version; do
	has stdout "$option"
done
run 0 -V
has stdout "llmadvisor 0"

# Usage errors: exit 2 and a hint.
run 2 --bogus
has stderr "llmadvisor: unknown option '--bogus'"
has stderr "Try 'llmadvisor --help'"
run 2 -f yaml
has stderr "unknown format 'yaml'"
run 2 -o result.pdf
has stderr "result.pdf: cannot tell the format"
run 2 --samples 0 -f json
has stderr "--samples must be a whole number"
run 2 --seed -3 -f json
run 2 -f json extra
has stderr "unexpected argument 'extra'"
run 2 -f
has stderr "option '-f' needs a value"

# No terminal and no -f: explain batch use, exit 2.
run 2
has stderr "not a terminal"
has stderr "-f json"

# Missing and unreadable inputs.
run 2 -a missing.yaml -f json
has stderr "llmadvisor: missing.yaml: No such file or directory"
run 2 -d "$work/nowhere" -f json
has stderr "nowhere: not a folder"
mkdir folder
run 2 -a folder -f json
has stderr "folder: not a regular file"

# Formats, inferred from -o.
run 0 -d "$DATA" -o report.md
has report.md "# LLM decision report"
run 0 -d "$DATA" -o result.json
has result.json '"verdict":'
has result.json '"assumptions":'
run 0 -d "$DATA" -o result.txt
has result.txt "Costs, USD per month"
run 0 -d "$DATA" -f text
has stdout "Breakeven:"
run 0 -d "$DATA" -f json -o forced.md
has forced.md '"options":'

# --set overrides answers and shows in the inputs.
run 0 -d "$DATA" -f json -s volume.input_tokens=200M --set privacy=hard
has stdout '"input_tokens":	200000000'
has stdout '"privacy":	"hard"'
run 2 -d "$DATA" -f json -s volume.input_tokens=lots
has stderr "llmadvisor: --set:1:21: volume.input_tokens must be a number"

# Answers files: YAML and JSON give the same result.
run 0 -d "$DATA" -f json -a "$top_srcdir/tests/answers/full.yaml"
mv stdout from-yaml.json
run 0 -d "$DATA" -f json -a "$top_srcdir/tests/answers/full.json"
if cmp -s stdout from-yaml.json; then ok; else bad "YAML and JSON answers differ"; fi
run 0 -d "$DATA" -f json -a "$top_srcdir/tests/answers/empty.yaml"

# Nothing is half-written: a failed run leaves an existing file alone.
echo "precious" >keep.json
run 2 -d "$DATA" -a "$top_srcdir/tests/bad/answers/bad-choice.yaml" -o keep.json
has keep.json "precious"
ls -a | grep -q '^\.keep\.json\.' && bad "temporary file left behind" || ok

# Full devices: exit 1 with a message.
if [ -w /dev/full ]; then
	run 1 -d "$DATA" -f json -o /dev/full
	has stderr "llmadvisor: /dev/full: cannot"
	"$LLMADVISOR" -d "$DATA" -f json </dev/null >/dev/full 2>stderr
	if [ $? -eq 1 ]; then ok; else bad "stdout on /dev/full did not exit 1"; fi
	has stderr "llmadvisor: standard output:"
	# Regression: -o on a device once replaced /dev/full with a file.
	if [ -c /dev/full ]; then ok; else bad "/dev/full is no longer a device"; fi
else
	skip "/dev/full is not writable here: full-device checks not run"
fi

# An output folder that does not exist: exit 1, nothing created.
run 1 -d "$DATA" -f json -o "$work/nowhere/out.json"
has stderr "nowhere/out.json: cannot create a temporary file"

# Golden reports: same answers and data give byte-identical output.
for answers in "$top_srcdir"/tests/answers/*.yaml; do
	name=$(basename "$answers" .yaml)
	for format in text markdown json; do
		golden="$top_srcdir/tests/golden/$name.$format"
		if [ ! -f "$golden" ]; then
			# update-golden.sh writes them for full.yaml.
			[ "$name" = full ] && bad "tests/golden/$name.$format is missing"
			continue
		fi
		# The data folder is reached as DATA wherever the tree is, so
		# paths (and the lines they wrap) are the same in every build.
		[ -e DATA ] || ln -s "$DATA" DATA
		SOURCE_DATE_EPOCH=1795824000 "$LLMADVISOR" -d DATA -a "$answers" \
			-f "$format" </dev/null >"$name.$format"
		if cmp -s "$golden" "$name.$format"; then ok; else
			bad "$name.$format differs from its golden file"
			diff "$golden" "$name.$format" | head -20
		fi
	done
done

# German goldens (issue 16): the human reports under LANGUAGE=de, with
# German numbers (1.234 $, 12,5 %, 50 Mio., 1,5 Mrd.) by the language,
# not by LC_NUMERIC.
if command -v msgfmt >/dev/null 2>&1; then
	mkdir -p locale/de/LC_MESSAGES
	msgfmt -o locale/de/LC_MESSAGES/llmadvisor.mo "$top_srcdir/po/de.po"
	[ -e DATA ] || ln -s "$DATA" DATA
	for format in text markdown; do
		golden="$top_srcdir/tests/golden/full.de.$format"
		LLMADVISOR_LOCALEDIR="$work/locale" LANG=C.UTF-8 LC_ALL= \
			LANGUAGE=de XDG_CONFIG_HOME=/nonexistent \
			SOURCE_DATE_EPOCH=1795824000 "$LLMADVISOR" -d DATA \
			-a "$top_srcdir/tests/answers/full.yaml" -f "$format" \
			</dev/null >"full.de.$format"
		if cmp -s "$golden" "full.de.$format"; then ok; else
			bad "full.de.$format differs from its golden file"
			diff "$golden" "full.de.$format" | head -20
		fi
	done
	# The space before a unit is a no-break one: a line never wraps
	# between a number and its unit.
	nbsp=$(printf '\302\240')
	has full.de.markdown "| Eingabe-Token pro Monat | 200${nbsp}Mio. Token pro Monat |"
	has full.de.markdown "\"1${nbsp}Mrd.\""
	has full.de.text "1.335${nbsp}\$ pro Monat"
	has full.de.text "${nbsp}% von 10.000 Szenarien"
else
	skip "msgfmt not installed: German goldens not checked"
fi

# The markdown report is valid GitHub-flavoured markdown: a real parser
# turns every table into a table and the checklist into task items.
if command -v cmark-gfm >/dev/null 2>&1; then
	for answers in "$top_srcdir"/tests/answers/full.yaml "$top_srcdir"/examples/*.yaml; do
		"$LLMADVISOR" -d "$DATA" -a "$answers" -f markdown </dev/null >r.md
		cmark-gfm -e table -e tasklist --to html r.md >r.html 2>cmark.err
		tables=$(grep -c '^|---' r.md)
		rendered=$(grep -c '<table>' r.html)
		if [ -s cmark.err ] || [ "$tables" -ne "$rendered" ] || [ "$tables" -lt 5 ]; then
			bad "$(basename "$answers"): $tables markdown tables, $rendered rendered"
		elif ! grep -q 'type="checkbox" checked=""' r.html; then
			bad "$(basename "$answers"): no ticked checklist item rendered"
		elif grep -q '<p>|' r.html; then
			bad "$(basename "$answers"): a table row escaped its table"
		elif ! grep -q '<pre><code class="language-mermaid">xychart-beta' r.html; then
			bad "$(basename "$answers"): the Mermaid chart is not a code block"
		else ok; fi
	done
	# The German report too (its tables hold "1.234 $" and "12,5 %").
	if [ -f full.de.markdown ]; then
		cmark-gfm -e table -e tasklist --to html full.de.markdown \
			>de.html 2>cmark.err
		tables=$(grep -c '^|---' full.de.markdown)
		rendered=$(grep -c '<table>' de.html)
		if [ -s cmark.err ] || [ "$tables" -ne "$rendered" ] ||
		    grep -q '<p>|' de.html; then
			bad "German report: $tables markdown tables, $rendered rendered"
		else ok; fi
	fi
else
	skip "cmark-gfm not installed: markdown validity not checked"
fi
# Reports are byte-identical for the same answers, data, seed and date.
SOURCE_DATE_EPOCH=1795824000 "$LLMADVISOR" -d "$DATA" -f markdown </dev/null >m1.md
SOURCE_DATE_EPOCH=1795824000 "$LLMADVISOR" -d "$DATA" -f markdown </dev/null >m2.md
if cmp -s m1.md m2.md; then ok; else bad "markdown report not reproducible"; fi
has m1.md "Generated on 2026-11-28"

# Numbers do not depend on the locale (where a decimal-comma one exists).
for locale in de_DE.UTF-8 de_DE.utf8 fr_FR.UTF-8; do
	# `locale` echoes any name; only an installed one answers ",".
	if [ "$(LC_ALL=$locale locale decimal_point 2>/dev/null)" = "," ]; then
		"$LLMADVISOR" -d "$DATA" -f json </dev/null >c.json
		LC_ALL=$locale "$LLMADVISOR" -d "$DATA" -f json </dev/null >l.json
		if cmp -s c.json l.json; then ok; else bad "JSON differs under $locale"; fi
		LC_ALL=$locale "$LLMADVISOR" -d "$DATA" -f json \
			-s tasks.complex_share=0.25 </dev/null >l.json
		has l.json '"complex_share":	0.25'
		break
	fi
done

# A binary copied elsewhere still has its data (embedded copy).
cp "$LLMADVISOR" ./copied
HOME="$work" XDG_CONFIG_HOME="$work/none" ./copied -f json </dev/null >embedded.json 2>stderr
if [ $? -eq 0 ]; then ok; else bad "copied binary failed"; cat stderr; fi
has embedded.json '"claude-3-5-sonnet-20241022"'

# LLMADVISOR_DATADIR and --data-dir come before the built-in copy.
mkdir -p mydata
cp "$top_srcdir"/tests/bad/data/base/*.yaml mydata/
LLMADVISOR_DATADIR="$work/mydata" "$LLMADVISOR" -f json </dev/null >env.json
has env.json '"closed-a"'
"$LLMADVISOR" -d mydata -f json </dev/null >dir.json
has dir.json '"closed-a"'

# An organisation's rules.d policy changes the verdict, without copying
# the default rules.
mkdir -p conf/llmadvisor/rules.d
cat >conf/llmadvisor/rules.d/policy.yaml <<'POLICY'
rules:
  - id: no-pii-to-third-parties
    when: "true"
    veto: [api, hosted_open]
    because: We never send personal data to a third party.
POLICY
"$LLMADVISOR" -d "$DATA" -f json </dev/null >before.json
XDG_CONFIG_HOME="$work/conf" "$LLMADVISOR" -d "$DATA" -f json </dev/null >after.json
has before.json '"verdict":	"closed"'
has after.json '"verdict":	"open"'
has after.json '"rule":	"no-pii-to-third-parties"'
# A broken policy file is an error with its position, never ignored.
printf 'rules:\n  - id: x\n    when: volume.totl > 1\n    adjust: open\n    amount: 1\n    because: y\n' \
	>conf/llmadvisor/rules.d/broken.yaml
XDG_CONFIG_HOME="$work/conf" run 2 -d "$DATA" -f json
has stderr "rules.d/broken.yaml:3:11: unknown name 'volume.totl'"

# Verdict phrases in the reports people read.
run 0 -d "$DATA" -f text
has stdout "Verdict: Go closed (API)"
run 0 -d "$DATA" -f text --set privacy=hard --set deployment=on_prem
has stdout "Verdict: Go open (self-hosted)"
# On the article's model (auto would want a frontier-tier one here).
run 0 -d "$DATA" -f markdown --set team.expertise=some --set volume.input_tokens=200M --set lock_in=avoid \
	--set self_hosted_model=llama-3.1-70b
has stdout "## Verdict: Use both (hybrid)"
# self_hosted_model: a typo is refused with its position and the closest id.
run 2 -d "$DATA" -f text --set self_hosted_model=qwen3-23b
has stderr "llmadvisor: --set:1:19: self_hosted_model 'qwen3-23b' is not an open-weights model in the data (did you mean 'qwen3-32b'?)"
run 0 -d "$DATA" -f json --set self_hosted_model=gpt-oss-20b
has stdout '"self_hosted_model":	{'
has stdout '"id":	"gpt-oss-20b"' 
# The same seed gives byte-identical output; --samples shows in the result.
"$LLMADVISOR" -d "$DATA" -f json --seed 42 --samples 500 </dev/null >s1.json
"$LLMADVISOR" -d "$DATA" -f json --seed 42 --samples 500 </dev/null >s2.json
if cmp -s s1.json s2.json; then ok; else bad "same seed, different output"; fi
has s1.json '"samples":	500'

# Issue 16, GNU habits: -o - is standard output, -f is case-insensitive,
# a key without its section suggests the full one.
run 0 -d "$DATA" -o -
has stdout "Verdict:"
run 0 -d "$DATA" -f JSON
has stdout '"verdict"'
run 0 -d "$DATA" -f Markdown -o -
has stdout "## Verdict:"
run 0 -d "$DATA" --list-models -o -
has stdout "Models (prices in USD per million tokens)"
# A retired model is listed as such (issue 14).
has stdout "gemini-1.5-pro: Gemini 1.5 Pro (api, google, frontier; RETIRED)"
# It ends with what self_hosted_model: auto picks, and the candidates.
has stdout "  the best quality on hard tasks: deepseek-v3.2 (frontier tier)"
has stdout "  gpt-oss-120b             large     "
if [ -e ./- ]; then bad "--list-models -o - wrote a file named -"; else ok; fi
run 2 -d "$DATA" -f json -s input_tokens=5M
has stderr "did you mean volume.input_tokens?"

# Issue 16: option labels use short GPU names ("RTX A6000 48GB", not
# "NVIDIA RTX A6000 48GB") and never double parentheses ("(SXM4) (int4)").
for example in "$top_srcdir"/examples/*.yaml; do
	"$LLMADVISOR" -d "$DATA" -a "$example" -f text </dev/null >labels.txt 2>&1
	if grep -E '[0-9]x [^()]*\([^()]*\) \(|x NVIDIA ' labels.txt \
	    >doubled.txt; then
		bad "$(basename "$example"): long or doubled names:"
		head -3 doubled.txt
	else ok; fi
done

testlib_summary
