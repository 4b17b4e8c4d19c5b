# file: defaults.yaml
/electricity_price/d
