# file: models.yaml
/^    output_price: {value: 15,/a\
    cache_read_price: {value: 0.3, unit: USD/token, source: "test", as_of: 2026-01-01, verified: true, range: [0.3, 0.3]}
