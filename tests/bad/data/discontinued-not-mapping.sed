# file: gpus.yaml
s/^    class: datacenter_gpu$/    class: datacenter_gpu\n    discontinued: yes/
