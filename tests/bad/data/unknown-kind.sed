# file: models.yaml
s/kind: api/kind: closed/
