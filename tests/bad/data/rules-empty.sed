# file: rules.yaml
d
