# file: models.yaml
/^    weights: open-c$/a\
    batch_output_price: {value: 0.5, unit: USD/Ktok, source: "test", as_of: 2026-01-01, verified: false, range: [0.25, 1]}
