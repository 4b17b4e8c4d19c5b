# file: models.yaml
s/^    tier: large$/    tier: large\n    retired: {date: 2025-01-01, source: "test"}/
