# file: rules.yaml
s/adjust: closed/adjust: sometimes/
