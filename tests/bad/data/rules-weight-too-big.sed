# file: rules.yaml
s/weight: 3$/weight: 1e6/
