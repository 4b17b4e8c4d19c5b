# file: rules.yaml
s/adjust: \[open, hybrid\]/adjust: []/
