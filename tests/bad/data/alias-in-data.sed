# file: models.yaml
s/^models:$/models: \&m/;$a\
extra: *m
