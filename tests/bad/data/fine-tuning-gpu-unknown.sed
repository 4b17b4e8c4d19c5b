# file: defaults.yaml
s/^fine_tuning_gpu: gpu-x$/fine_tuning_gpu: gpu-z/
