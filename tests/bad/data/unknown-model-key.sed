# file: models.yaml
s/^    fine_tuning: false$/    fine_tuning: false\n    colour: red/
