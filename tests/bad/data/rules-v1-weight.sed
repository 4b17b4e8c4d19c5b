# file: rules.yaml
# Only the weight left from v1.
s/amount: -50$/amount: -50\n    weight: 3/
