# file: models.yaml
s/weights: open-c/weights: nowhere/
