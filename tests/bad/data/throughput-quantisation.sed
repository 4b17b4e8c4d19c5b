# file: gpus.yaml
s/quantisation: int4/quantisation: fp16/
