# file: rules.yaml
s/favour: closed/favour: sometimes/
