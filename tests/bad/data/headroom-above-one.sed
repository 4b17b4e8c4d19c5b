# file: defaults.yaml
s/range: \[0.85, 1\]/range: [0.85, 1.5]/
