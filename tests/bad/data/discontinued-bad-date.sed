# file: gpus.yaml
s/^    class: datacenter_gpu$/    class: datacenter_gpu\n    discontinued: {date: 2026-13-01, source: "test"}/
