# file: defaults.yaml
s/value: 500000000, unit: tokens\/month, source: "test", as_of: 2026-01-01, verified: false, range: \[200000000, 1000000000\]/value: 30000000, unit: tokens\/month, source: "test", as_of: 2026-01-01, verified: false, range: [20000000, 1000000000]/
