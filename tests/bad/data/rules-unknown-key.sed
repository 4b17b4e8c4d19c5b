# file: rules.yaml
s/^    weight: 3$/    weight: 3\n    colour: red/
