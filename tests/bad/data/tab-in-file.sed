# file: defaults.yaml
s/^  hours_per_month/\thours_per_month/
