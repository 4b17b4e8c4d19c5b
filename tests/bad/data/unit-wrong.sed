# file: gpus.yaml
s/unit: W,/unit: kW,/
