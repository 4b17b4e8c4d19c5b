# file: rules.yaml
s/^    amount: -50$/    amount: -50\n    colour: red/
