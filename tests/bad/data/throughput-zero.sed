# file: gpus.yaml
s/prefill: {value: 2000, unit: tokens\/s, source: "test", as_of: 2026-01-01, verified: false, range: \[1000, 3000\]}/prefill: {value: 0, unit: tokens\/s, source: "test", as_of: 2026-01-01, verified: false, range: [0, 3000]}/
