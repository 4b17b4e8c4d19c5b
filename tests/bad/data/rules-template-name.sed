# file: rules.yaml
s/{cost.saving|money}/{cost.savings|money}/
