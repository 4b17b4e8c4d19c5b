# file: gpus.yaml
s/range: \[15000, 25000\]/range: [25000, 15000]/
