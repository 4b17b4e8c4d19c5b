# file: defaults.yaml
/^thresholds:/,$d
