# file: models.yaml
s/value: 15,/value: 25,/
