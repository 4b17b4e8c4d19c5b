# file: gpus.yaml
s/decode: {value: 25,/decode: {value: fast,/
