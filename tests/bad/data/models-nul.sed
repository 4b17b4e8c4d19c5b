# file: models.yaml
s/name: Closed A/name: Closed\x00A/
