#!/bin/sh
# prices.sh - price imports (LiteLLM and genai-prices files, broken ones),
# prices.yaml overlays, --list-models and --list-gpus, and the cache and
# batch discounts, through the command line.  Every run has its own
# XDG_CONFIG_HOME under a temporary folder.
set -u
testlib_name=prices
. "$top_srcdir/tests/testlib.sh"
FIXTURES="$top_srcdir/tests/prices"
CONF="$work/conf"
PRICES="$CONF/llmadvisor/prices.yaml"
XDG_CONFIG_HOME="$CONF"
SOURCE_DATE_EPOCH=1795824000		# 2026-11-28
export XDG_CONFIG_HOME SOURCE_DATE_EPOCH


lacks() {	# FILE TEXT: FILE does not contain TEXT
	if grep -qF -- "$2" "$1"; then bad "$1 has '$2'"; else ok; fi
}
same() {	# A B: identical files
	if cmp -s "$1" "$2"; then ok; else bad "$1 and $2 differ"; diff "$1" "$2" | head -10; fi
}

# The options are documented.
run 0 --help
for option in --import-prices --list-models --list-gpus --verbose --no-new-models; do
	has stdout "$option"
done

# ---- Import a LiteLLM file ----------------------------------------------
run 0 -d "$DATA" --import-prices "$FIXTURES/litellm.json" --no-new-models
has stdout "Read 15 entries from litellm.json (LiteLLM format)."
has stdout "Wrote $PRICES: prices of 6 models."
has stdout "GPT-4o (gpt-4o): input \$2.50 → \$2.00, output \$10.00 → \$8.00, cache read \$1.25 → \$1.00"
has stdout "Claude 3.5 Sonnet (claude-3-5-sonnet-20241022): cache read \$0.30 → \$0.25"
has stdout "Not mapped: 1 entry (-v lists them)."
has stdout "Skipped: 3 pseudo-entries (such as sample_spec), 2 entries not for chat, 1 entry without an input or output price."
has stdout "Note: litellm.json says Claude 3.5 Sonnet (claude-3-5-sonnet-20241022) was deprecated on 2025-10-22."
lacks stdout "mystery-model-9000"
[ -f "$PRICES" ] && ok || bad "no $PRICES written"
has "$PRICES" 'source: "litellm.json"'
# litellm.json carries no date of its own: its prices are undated (and so
# stale), never dated the day of the import.
has "$PRICES" "as_of: undated"
has "$PRICES" 'entry: "gpt-4o-mini-2024-07-18"'
# models.yaml's range for Gemini 1.5 Pro's input is kept, not narrowed to
# the price, and the long-context tier (2.5) is not its top.
has "$PRICES" "range: [1, 1.5]"
lacks "$PRICES" "range: [1.25, 2.5]"
ls -a "$CONF/llmadvisor" | grep -q '^\.prices' && bad "temporary file left behind" || ok
cp "$PRICES" litellm-prices.yaml

# A file that maps no model writes nothing.
XDG_CONFIG_HOME="$work/unmapped" run 0 -d "$DATA" --import-prices "$FIXTURES/litellm-unmapped.json"
has stdout "Nothing written: no entry maps to a model of $DATA/models.yaml."
has stdout "Skipped: 1 pseudo-entry (such as sample_spec)."
[ -e "$work/unmapped" ] && bad "a folder was created for nothing" || ok

# -v names what was not mapped and what was superseded.
run 0 -d "$DATA" --import-prices "$FIXTURES/litellm.json" -v --no-new-models
has stdout "  mystery-model-9000 (mystery)"
has stdout "  claude-3-5-sonnet-latest (line 26): claude-3-5-sonnet-20241022 takes the prices of claude-3-5-sonnet-20241022 instead"
has stdout "Unchanged: 22 prices."
lacks stdout "Changed"
same "$PRICES" litellm-prices.yaml

# -v names every skipped entry that a model's id or alias names, and why.
XDG_CONFIG_HOME="$work/skipped" run 0 -d "$DATA" --import-prices "$FIXTURES/litellm-current.json" -v
has stdout "  openai/gpt-4o-mini (line 47) names gpt-4o-mini but has no input or output price"
has stdout "  vertex_ai/gemini-1.5-pro (line 53) names gemini-1.5-pro but is not for chat (mode image_generation)"
XDG_CONFIG_HOME="$work/skipped" run 0 -d "$DATA" --import-prices "$FIXTURES/litellm-current.json"
lacks stdout "names gpt-4o-mini"
# The file's own date (last_updated) is the as-of date, not the import day.
has "$work/skipped/llmadvisor/prices.yaml" "as_of: 2026-07-24"
lacks "$work/skipped/llmadvisor/prices.yaml" "as_of: 2026-11-28"

# Later runs use the imported prices: 10M x $2 + 2M x $8 on GPT-4o.
run 0 -d "$DATA" -f json --samples 100
grep -A12 '"id":	"api:gpt-4o",' stdout >gpt4o.json
has gpt4o.json '"compute":	36,'
has stdout "\"file\":	\"$PRICES\""
run 0 -d "$DATA" -f markdown --samples 100
has stdout "litellm.json"

# The listing shows where each value came from.
run 0 -d "$DATA" --list-models
# Each file is named once, numbered, with its origin (issue 16); a path
# too long for its line stands alone on the next one: joined here.
join_files() {
	awk '/^  \[[0-9]+\] [a-z]+ +$/ { head = $0; getline;
		sub(/^ +/, ""); print head $0; next } { print }' stdout >files.txt
}
join_files
has files.txt "] import    $PRICES"
has files.txt "] override  $DATA/models.yaml"
number=$(sed -n "s|^  \[\([0-9]*\)\] import    $PRICES\$|\1|p" files.txt)
grep -A6 '^gpt-4o: GPT-4o' stdout >gpt4o.txt
has gpt4o.txt "  input_price"
has gpt4o.txt "USD/Mtok, [$number]:"
has gpt4o.txt "litellm.json"
# Within 80 columns: only a single word longer than a line (a URL) passes.
if awk 'length($0) > 80 && $0 ~ /[^ ] +[^ ]/' stdout | grep -q .; then
	bad "--list-models has lines over 80 columns"
	awk 'length($0) > 80' stdout | head -3
else ok; fi
lacks stdout "$DATA/models.yaml:"
has stdout "STALE, UNVERIFIED"
has stdout "STALE: a price dated more than 6 months before 2026-11-28"
run 0 -d "$DATA" --list-models -f json
has stdout '"origin":	"import"'
has stdout '"origin":	"override"'
has stdout '"deprecation_date":	"2025-10-22"'
has stdout "\"prices\":	[\"$PRICES\"]"
run 0 -d "$DATA" --list-models -o list.json
has list.json '"models":'
run 0 -d "$DATA" --list-gpus
has stdout "a100-40gb: NVIDIA A100 40GB (datacenter_gpu)"
has stdout "  cloud_price"
has stdout "UNVERIFIED"
run 0 -d "$DATA" --list-gpus -f json
has stdout '"gpus":'
has stdout '"name":	"purchase_price"'
# Without --data-dir the figures are the built-in or installed defaults.
XDG_CONFIG_HOME="$work/none" run 0 --list-models
has stdout " default  "
lacks stdout " override  "

# ---- Import a genai-prices file: model by model --------------------------
run 0 -d "$DATA" --import-prices "$FIXTURES/genai.json" --no-new-models
has stdout "Read 9 entries from genai.json (genai-prices format)."
has stdout "Wrote $PRICES: prices of 4 models."
has stdout "GPT-4o (gpt-4o): input \$2.00 → \$2.50, output \$8.00 → \$10.00, cache read \$1.00 → \$1.25"
has stdout "Note: genai.json lists a new price for GPT-4o from 2099-01-01; import again then."
# Models this import does not map keep their earlier imported prices.
has "$PRICES" 'entry: "gpt-4o-mini-2024-07-18"'
has "$PRICES" 'entry: "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"'
has "$PRICES" 'source: "genai.json"'
# prices_checked is the as-of date where the file gives it.
has "$PRICES" "as_of: 2025-06-23"
run 0 -d "$DATA" --import-prices "$FIXTURES/genai.json" -v --no-new-models
has stdout "  deepseek-chat (deepseek)"
has stdout "  anthropic/claude-3.5-sonnet (line 98): claude-3-5-sonnet-20241022 takes the prices of claude-3-5-sonnet instead"
cp "$PRICES" genai-prices.yaml

# ---- Broken files: exit 2, a position, prices.yaml untouched -------------
for name in broken-empty broken-syntax broken-wrong-type \
    broken-unknown-format broken-genai-wrong-type broken-negative \
    broken-date broken-genai-clause broken-genai-models \
    broken-genai-constraint broken-huge broken-control-in-string \
    broken-date-space broken-future-date broken-bool; do
	run 2 -d "$DATA" --import-prices "$FIXTURES/$name.json"
	if grep -qE "^llmadvisor: $FIXTURES/$name.json:[0-9]+:[0-9]+: " stderr; then ok; else
		bad "$name: no positioned message"; cat stderr; fi
	same "$PRICES" genai-prices.yaml
done
has stderr "broken-bool.json:6:38: supports_function_calling of 'gpt-4o' must be true, false or null"
# Regression (found by fuzz_prices): a date with a raw line break inside
# its JSON string passed as "2026-10-\n2" (cJSON keeps control characters
# in strings, sscanf's %d skipped the white space) and broke prices.yaml.
run 2 -d "$DATA" --import-prices "$FIXTURES/broken-control-in-string.json"
has stderr "broken-control-in-string.json:5:38: control character in a string: JSON writes it as an escape such as \\n"
# Regression (found by fuzz_prices): a prices_checked date in the future
# became an as_of the written prices.yaml could not load back.
run 2 -d "$DATA" --import-prices "$FIXTURES/broken-future-date.json"
has stderr "broken-future-date.json:14:27: prices_checked of 'claude-3-5-sonnet' lies in the future (2052-06-23)"
run 2 -d "$DATA" --import-prices "$FIXTURES/broken-date-space.json"
has stderr "broken-date-space.json:5:29: deprecation_date of 'gpt-4o' must be a date YYYY-MM-DD, got \"2026-10- 2\""
# Regression (found by fuzz_prices): a per-token price so large that the
# conversion to USD/Mtok overflowed was written to prices.yaml as "inf".
run 2 -d "$DATA" --import-prices "$FIXTURES/broken-huge.json"
has stderr "broken-huge.json:5:34: output_cost_per_token of 'gpt-4o' is too large to be a price, got 1e305"
run 2 -d "$DATA" --import-prices "$FIXTURES/broken-syntax.json"
has stderr "llmadvisor: $FIXTURES/broken-syntax.json:5:9: invalid JSON"
run 2 -d "$DATA" --import-prices "$FIXTURES/broken-unknown-format.json"
has stderr "broken-unknown-format.json:1:1: unknown price-list format: expected LiteLLM's model_prices_and_context_window.json or genai-prices' data.json"
run 2 -d "$DATA" --import-prices "$FIXTURES/broken-empty.json"
has stderr "broken-empty.json:1:1: file is empty"
printf 'models:\n  - gpt-4o\n' >prices-as-yaml.yaml
run 2 -d "$DATA" --import-prices prices-as-yaml.yaml
has stderr "prices-as-yaml.yaml:1:1: unknown price-list format"
run 2 -d "$DATA" --import-prices missing.json
has stderr "llmadvisor: missing.json: No such file or directory"
same "$PRICES" genai-prices.yaml
ls -a "$CONF/llmadvisor" | grep -q '^\.prices' && bad "temporary file left behind" || ok

# Regression (found by fuzz_prices): text that is not printable YAML (C1
# controls, bytes that are not UTF-8, surrogates) in a source once made a
# prices.yaml that its own loader refused.
ODD="$work/odd"
mkdir -p "$ODD"
XDG_CONFIG_HOME="$ODD" "$LLMADVISOR" -d "$DATA" --import-prices \
	"$FIXTURES/litellm-odd-text.json" </dev/null >/dev/null 2>stderr
if [ $? -eq 0 ]; then ok; else bad "odd text: import failed"; cat stderr; fi
XDG_CONFIG_HOME="$ODD" "$LLMADVISOR" -f json </dev/null >/dev/null 2>stderr
if [ $? -eq 0 ]; then ok; else bad "odd text: prices.yaml refused"; cat stderr; fi

# Regression (found by fuzz_prices): an entry with "source": "" was
# written as reference: "", which the loader refuses.
EMPTY="$work/empty-source"
mkdir -p "$EMPTY"
XDG_CONFIG_HOME="$EMPTY" run 0 -d "$DATA" --import-prices "$FIXTURES/litellm-empty-source.json"
lacks "$EMPTY/llmadvisor/prices.yaml" "reference:"
XDG_CONFIG_HOME="$EMPTY" run 0 -f json --samples 10

# Usage errors.
run 2 -d "$DATA" --import-prices "$FIXTURES/genai.json" -f json
has stderr "--import-prices and --format cannot be used together"
run 2 -d "$DATA" --list-models -a "$top_srcdir/tests/answers/full.yaml"
has stderr "--list-models and --answers cannot be used together"
run 2 -d "$DATA" --list-models --list-gpus
run 2 -d "$DATA" --list-gpus -f markdown
has stderr "--list-gpus writes text or json, not markdown"
run 2 -d "$work/nowhere" --list-models
has stderr "nowhere: not a folder"
run 2 --import-prices
has stderr "option '--import-prices' needs a value"
HOME= XDG_CONFIG_HOME= run 2 -d "$DATA" --import-prices "$FIXTURES/genai.json"
has stderr "--import-prices: no place for prices.yaml"
# A config folder that cannot be created: a runtime failure, exit 1.
: >afile
XDG_CONFIG_HOME="$work/afile" run 1 -d "$DATA" --import-prices "$FIXTURES/genai.json"
has stderr "cannot create the folder"

# ---- prices.yaml problems -----------------------------------------------
# A broken prices.yaml stops every run with its position, and an import
# does not replace it.
printf 'prices:\n  - model: gpt-4o\n    input_price: {value: 2, unit: USD/token, source: "x", as_of: 2026-01-01, verified: true, range: [2, 2]}\n' >"$PRICES"
cp "$PRICES" broken-prices.yaml
run 2 -d "$DATA" -f json
has stderr "llmadvisor: $PRICES:3:35: models.gpt-4o.input_price must be given in USD/Mtok, got \"USD/token\""
run 2 -d "$DATA" --import-prices "$FIXTURES/genai.json"
has stderr "$PRICES:3:35:"
same "$PRICES" broken-prices.yaml
# A model the data does not have: a warning, the run goes on.
printf 'prices:\n  - model: retired-model\n    input_price: {value: 2, unit: USD/Mtok, source: "x", as_of: 2026-01-01, verified: true, range: [2, 2]}\n' >"$PRICES"
run 0 -d "$DATA" -f json --samples 10
has stderr "llmadvisor: $PRICES:2:5: warning: model 'retired-model' is not in $DATA/models.yaml: its prices are ignored"
# The import keeps it (another models.yaml may have it).
run 0 -d "$DATA" --import-prices "$FIXTURES/genai.json"
has "$PRICES" 'model: "retired-model"'
# A prices.yaml in --data-dir comes first and wins model by model; the
# import says so.
mkdir -p mydata
cp "$DATA"/*.yaml mydata/
printf 'prices:\n  - model: gpt-4o\n    input_price: {value: 4, unit: USD/Mtok, source: "our contract", as_of: 2026-11-01, verified: true, range: [4, 4]}\n' >mydata/prices.yaml
run 0 -d mydata --import-prices "$FIXTURES/genai.json"
has stdout "Note: mydata/prices.yaml comes first in the lookup order and still sets the input price of GPT-4o."
run 0 -d mydata --list-models -f json
has stdout '"file":	"mydata/prices.yaml"'
has stdout '"source":	"our contract"'
run 0 -d mydata -f json --samples 10
grep -A12 '"id":	"api:gpt-4o",' stdout >gpt4o.json
has gpt4o.json '"compute":	60,'

# ---- Caching and batch discounts ----------------------------------------
rm -f "$PRICES"
run 0 -d "$DATA" -f json --samples 10 -s volume.cached_input_share=0.5 -s volume.output_tokens=0
grep -A14 '"id":	"api:claude-3-5-sonnet-20241022",' stdout >claude.json
has claude.json '"compute":	16.5,'
has claude.json '"discounts":	["cache"]'
has stdout '"cached_input_share":	0.5'
has stdout '"batch_share":	0'
run 0 -d "$DATA" -f json --samples 10 -s volume.batch_share=1
grep -A14 '"id":	"api:claude-3-5-sonnet-20241022",' stdout >claude.json
has claude.json '"compute":	30,'
has claude.json '"discounts":	["batch"]'
grep -A14 '"id":	"hosted_open:deepinfra/deepseek-ai/DeepSeek-V3",' stdout >hosted.json
has hosted.json '"discounts":	[]'
run 0 -d "$DATA" -f text --samples 10 -s volume.cached_input_share=0.5 -s volume.batch_share=0.2
has stdout "50% of input tokens are read from a prompt cache"
has stdout "Self-hosted options are unaffected."
run 0 -d "$DATA" -f markdown --samples 10 -s volume.batch_share=0.2
has stdout "| Share of traffic sent through a batch API | 20% | \`volume.batch_share: 0.2\` |"
has stdout "- 20% of the traffic goes through batch APIs"
run 0 -d "$DATA" -f text --samples 10
lacks stdout "prompt cache"
# Answers files, YAML and JSON.
printf 'volume:\n  cached_input_share: 0.5\n  batch_share: 0.25\n' >shares.yaml
printf '{"volume": {"cached_input_share": 0.5, "batch_share": 0.25}}\n' >shares.json
run 0 -d "$DATA" -f json --samples 10 -a shares.yaml
mv stdout shares-yaml.json
run 0 -d "$DATA" -f json --samples 10 -a shares.json
same stdout shares-yaml.json
has stdout '"batch_share":	0.25'
printf 'volume:\n  batch_share: 2\n' >bad-share.yaml
run 2 -d "$DATA" -f json -a bad-share.yaml
has stderr "llmadvisor: bad-share.yaml:2:16: volume.batch_share must be between 0 and 1, got 2"
run 2 -d "$DATA" -f json -s volume.cached_input_share=half
has stderr "llmadvisor: --set:1:27: volume.cached_input_share must be a number"

# ---- New models: the entries that map to no model (issue 14) -----------
# Excerpts of the real LiteLLM table (2026-07-24) and genai-prices data.json
# (47df840a).
NEW="$work/new"
OVERLAY="$NEW/llmadvisor/models-imported.yaml"
XDG_CONFIG_HOME="$NEW" run 0 -d "$DATA" --import-prices "$FIXTURES/litellm-real-excerpt.json" -v
has stdout "Added 4 new models to $OVERLAY, unrated: they are not compared until you set a tier there (tier: small, large or frontier):"
has stdout "  claude-opus-4-8 (anthropic)"
has stdout "  dashscope/qwen-flash (dashscope)"
has stdout "  azure/codex-mini (azure)"
# Built-in models of a provider the file covers that it no longer lists.
has stdout "Possibly retired (litellm-real-excerpt.json lists other models of their provider, not these):"
has stdout "  Claude 3.5 Sonnet (claude-3-5-sonnet-20241022)"
has "$OVERLAY" '  - id: "claude-opus-4-8"'
has "$OVERLAY" "tier: unrated"
# The long-context tier of qwen-flash is not the top of its range.
has "$OVERLAY" "input_price: {value: 0.05, unit: USD/Mtok, source: \"litellm-real-excerpt.json\", as_of: 2026-07-24, verified: true, range: [0.05, 0.05]}"
ls -a "$NEW/llmadvisor" | grep -q '^\.models' && bad "temporary file left behind" || ok
# Unrated: listed with how to rate it, never an option.
XDG_CONFIG_HOME="$NEW" run 0 -d "$DATA" --list-models
has stdout "claude-opus-4-8 (api, anthropic, UNRATED: set its tier in ["
join_files
has files.txt "] import    $OVERLAY"
has stdout "UNRATED: 4 models an import added are listed but never compared"
XDG_CONFIG_HOME="$NEW" run 0 -d "$DATA" -f json --samples 10
lacks stdout '"api:claude-opus-4-8"'
# Rated, it is compared; a later import keeps the edit and appends.
sed 's/tier: unrated/tier: frontier/' "$OVERLAY" >rated.yaml && cat rated.yaml >"$OVERLAY"
XDG_CONFIG_HOME="$NEW" run 0 -d "$DATA" -f json --samples 10
has stdout '"api:claude-opus-4-8"'
XDG_CONFIG_HOME="$NEW" run 0 -d "$DATA" --import-prices "$FIXTURES/genai-real-excerpt.json"
has stdout "Added 3 new models to $OVERLAY"
has "$OVERLAY" "tier: frontier"
has "$OVERLAY" '  - id: "claude-opus-4-1"'
XDG_CONFIG_HOME="$NEW" run 0 -d "$DATA" -f json --samples 10
has stdout '"api:claude-opus-4-8"'
lacks stdout '"api:claude-opus-4-1"'
# --no-new-models: nothing added, and the summary says why.
XDG_CONFIG_HOME="$work/none-new" run 0 -d "$DATA" --import-prices "$FIXTURES/litellm-real-excerpt.json" --no-new-models
has stdout "  (not added as models: --no-new-models)"
[ -e "$work/none-new/llmadvisor/models-imported.yaml" ] && bad "--no-new-models wrote an overlay" || ok
run 2 -d "$DATA" --no-new-models
has stderr "--no-new-models only applies to --import-prices"
# An overlay in any data folder is read; broken, it stops the run with
# its position, and an import writes nothing over it.
mkdir -p overlaydata
cp "$DATA"/*.yaml overlaydata/
printf 'models: 5\n' >overlaydata/models-imported.yaml
run 2 -d overlaydata -f json
has stderr "llmadvisor: overlaydata/models-imported.yaml:1:9: models must be a list"
XDG_CONFIG_HOME="$work/broken-overlay" run 2 -d overlaydata --import-prices "$FIXTURES/litellm-real-excerpt.json"
[ -e "$work/broken-overlay" ] && bad "an import wrote beside a broken overlay" || ok
printf 'models:\n  - id: gpt-4o\n    name: again\n' >overlaydata/models-imported.yaml
run 0 -d overlaydata -f json --samples 10
has stderr "overlaydata/models-imported.yaml:2:9: warning: model 'gpt-4o' is already in overlaydata/models.yaml: this entry is skipped (delete it)"
# Thousands of imported models load and decide (no cap of 64 models).
awk 'BEGIN { print "models:"; for (i = 0; i < 4000; i++) printf "  - {id: \"bulk/m-%d\", name: \"bulk/m-%d\", provider: bulk, kind: api, tier: unrated, input_price: {value: 1, unit: USD/Mtok, source: \"x\", as_of: 2026-07-24, verified: true, range: [1, 1]}, output_price: {value: 2, unit: USD/Mtok, source: \"x\", as_of: 2026-07-24, verified: true, range: [2, 2]}}\n", i, i }' >overlaydata/models-imported.yaml
run 0 -d overlaydata -f json --samples 100
has stdout '"verdict":'
lacks stdout '"api:bulk/m-1"'
run 0 -d overlaydata --list-models
has stdout "bulk/m-3999 (api, bulk, UNRATED"

# ---- Stale figures follow the date ---------------------------------------
SOURCE_DATE_EPOCH=1735689600 run 0 -d "$DATA" --list-models	# 2025-01-01
grep -A3 '^gpt-4o-mini: ' stdout >mini.txt
lacks mini.txt "STALE"
SOURCE_DATE_EPOCH=2051222400 run 0 -d "$DATA" --list-models	# 2035-01-01
grep -A3 '^gpt-4o-mini: ' stdout >mini.txt
has mini.txt "STALE"

# ---- Hostile text never reaches the terminal ----------------------------
# A downloaded price list, a prices.yaml or a colleague's models.yaml may
# hold terminal escapes: every human-readable output shows them escaped.
esc=$(printf '\033')
no_escape() {	# FILE: no ESC or BEL byte in FILE
	if grep -q "[$esc$(printf '\007')]" "$1"; then
		bad "$1 holds a raw terminal control"; cat -v "$1" | head -5
	else ok; fi
}
printf '{"gpt-4o\\u001b[2J": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "litellm_provider": "openai\\u001b]0;owned\\u0007", "mode": "chat"}}\n' >evil.json
XDG_CONFIG_HOME="$work/evil" run 0 -d "$DATA" --import-prices evil.json -v
no_escape stdout
has stdout '  gpt-4o\x1B[2J (openai\x1B]0;owned\x07)'
mkdir -p evil-data
cp "$DATA"/*.yaml evil-data/
sed 's/^    name: GPT-4o$/    name: "GPT-4o\\e[2J"/' "$DATA/models.yaml" >evil-data/models.yaml
printf 'prices:\n  - model: "gone\\e]0;x\\a"\n    input_price: {value: 2, unit: USD/Mtok, source: "x", as_of: 2026-01-01, verified: true, range: [2, 2]}\n' >evil-data/prices.yaml
for format in markdown text; do
	run 0 -d evil-data -f $format --samples 10 -s volume.input_tokens=1B
	no_escape stdout
	no_escape stderr
done
has stdout 'GPT-4o\x1B[2J'		# the text report's list of every option
has stderr "model 'gone\x1B]0;x\x07' is not in"
run 0 -d evil-data --list-models
no_escape stdout
has stdout 'GPT-4o\x1B[2J'

testlib_summary
