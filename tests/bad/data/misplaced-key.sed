# file: models.yaml
s/^    kind: api$/    kind: api\n    weights: open-c/
