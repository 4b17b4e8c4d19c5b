# file: defaults.yaml
s/self_hosted_model: open-c/self_hosted_model: closed-a/
