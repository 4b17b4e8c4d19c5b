# file: gpus.yaml
s/model: open-c/model: closed-a/
