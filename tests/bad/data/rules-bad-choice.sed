# file: rules.yaml
s/when: privacy == "hard"/when: privacy == "secret"/
