# file: gpus.yaml
s/class: datacenter_gpu/class: mainframe/
