# file: rules.yaml
s/id: hard-privacy/id: small-volume/
