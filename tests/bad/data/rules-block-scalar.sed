# file: rules.yaml
s/^    when: privacy == "hard"$/    when: >-\n      privacy ==\n      "hard" and volume.totl > 1/
