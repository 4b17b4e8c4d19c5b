# file: models.yaml
s/tier: frontier/tier: best/
