# file: defaults.yaml
s/unit: USD\/kWh/unit: EUR\/kWh/
