# file: rules.yaml
# A v1 rule (favour and weight) is refused with a pointer to adjust.
s/adjust: closed/favour: closed/
s/amount: -50$/weight: 3/
