# file: gpus.yaml
s/power: {value: 400,/power: {value: -400,/
