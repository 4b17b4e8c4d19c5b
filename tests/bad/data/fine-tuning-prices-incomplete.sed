# file: models.yaml
s/^    fine_tuning: false$/    fine_tuning: true\n    fine_tuning_training_price: {value: 25, unit: USD\/Mtok, source: "test", as_of: 2026-01-01, verified: false, range: [20, 30]}/
