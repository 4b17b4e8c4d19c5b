# file: rules.yaml
s/^rules:$/rules: all/;/^  /,$d
