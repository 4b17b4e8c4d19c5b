# file: rules.yaml
s/when: privacy == "hard"/when: privacy + 1 > 2/
