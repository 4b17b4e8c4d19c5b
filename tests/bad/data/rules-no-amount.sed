# file: rules.yaml
/amount: -50/d
