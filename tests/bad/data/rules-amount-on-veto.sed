# file: rules.yaml
s/^    level: quality$/    level: quality\n    amount: 10/
