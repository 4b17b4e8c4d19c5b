# file: gpus.yaml
s/range: \[1, 3\]/range: 1 to 3/
