# file: rules.yaml
s/when: privacy == "hard"/when: not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not privacy == "hard"/
