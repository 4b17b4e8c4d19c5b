# file: defaults.yaml
s/^  pue:/  power_usage:/
