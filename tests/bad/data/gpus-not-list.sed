# file: gpus.yaml
s/^gpus:$/gpus: none/
