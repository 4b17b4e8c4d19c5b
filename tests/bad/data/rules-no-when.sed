# file: rules.yaml
/when: cost.saving > 0/d
