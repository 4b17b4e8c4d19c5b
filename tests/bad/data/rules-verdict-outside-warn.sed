# file: rules.yaml
s/when: cost.saving > 0/when: verdict == "open"/
