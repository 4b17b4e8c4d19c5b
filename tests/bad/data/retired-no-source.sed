# file: models.yaml
s/^    aliases: \[closed-a-latest\]$/    aliases: [closed-a-latest]\n    retired: {date: 2025-01-01}/
