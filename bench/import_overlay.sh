#!/bin/sh
# import_overlay.sh OUTDIR [PRICE_LIST] - writes OUTDIR/models-imported.yaml
# (and OUTDIR/prices.yaml) as a full import of a public price list leaves
# them, for `make bench`'s "with the full LiteLLM import" figures.  With
# PRICE_LIST (LiteLLM's model_prices_and_context_window.json) the real
# importer writes them; without it, 2,206 unrated models in the importer's
# own layout stand in (as many as LiteLLM's July 2026 table adds).
set -eu
out=$1 list=${2:-}
mkdir -p "$out"
if [ -n "$list" ]; then
	config=$out/config
	mkdir -p "$config"
	XDG_CONFIG_HOME=$config HOME=$config "${LLMADVISOR:-llmadvisor}" \
		--import-prices="$list" >/dev/null
	mv "$config/llmadvisor/models-imported.yaml" "$out/"
	mv "$config/llmadvisor/prices.yaml" "$out/"
	rm -rf "$config"
	exit 0
fi
awk 'BEGIN {
	print "# models-imported.yaml - a stand-in for a full import (bench)."
	print "models:"
	split("bedrock openai vertex_ai azure together_ai deepinfra", p, " ")
	for (i = 0; i < 2206; i++) {
		printf "  - id: \"bench/model-%d\"\n", i
		printf "    name: \"bench/model-%d\"\n", i
		printf "    provider: \"%s\"\n", p[i % 6 + 1]
		print "    kind: api"
		print "    tier: unrated"
		for (k = 0; k < 2; k++) {
			price = (i % 97 + 1) * (k + 1) / 10
			printf "    %s: {value: %g, unit: USD/Mtok, source: " \
			    "\"litellm-model_prices_and_context_window.json\", " \
			    "as_of: 2026-07-24, verified: true, range: [%g, %g]}\n",
			    k ? "output_price" : "input_price", price, price, price
		}
	}
}' >"$out/models-imported.yaml"
