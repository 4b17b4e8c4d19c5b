# file: rules.yaml
s/veto: \[api, hosted_open\]/veto: []/
