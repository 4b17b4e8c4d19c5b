# file: rules.yaml
/weight: 3/d
