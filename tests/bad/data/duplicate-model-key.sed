# file: models.yaml
s/^    provider: host$/    provider: host\n    provider: other/
