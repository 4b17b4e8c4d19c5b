# file: gpus.yaml
d
