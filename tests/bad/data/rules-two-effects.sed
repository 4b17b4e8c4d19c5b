# file: rules.yaml
s/^    veto: \[api, hosted_open\]$/    veto: [api, hosted_open]\n    adjust: open/
