# file: rules.yaml
s/amount: -50$/amount: 2e9/
