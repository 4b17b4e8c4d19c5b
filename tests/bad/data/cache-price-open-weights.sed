# file: models.yaml
/^    tier: large$/a\
    cache_read_price: {value: 0.1, unit: USD/Mtok, source: "test", as_of: 2026-01-01, verified: true, range: [0.1, 0.1]}
