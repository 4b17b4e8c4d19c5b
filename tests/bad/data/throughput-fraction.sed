# file: gpus.yaml
s/gpus: 1$/gpus: 1.5/
