# file: rules.yaml
s/level: quality/level: urgent/
