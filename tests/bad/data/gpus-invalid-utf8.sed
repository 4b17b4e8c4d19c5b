# file: gpus.yaml
0,/name: /s/name: /name: \xff/
