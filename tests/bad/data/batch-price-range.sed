# file: models.yaml
/^    output_price: {value: 15,/a\
    batch_input_price: {value: 9, unit: USD/Mtok, source: "test", as_of: 2026-01-01, verified: true, range: [1, 2]}
