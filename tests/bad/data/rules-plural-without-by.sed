# file: rules.yaml
s/^    because: "Only {volume.total|tokens} tokens a month."$/    because: "Only {volume.total|tokens} token a month."\n    because_plural: "Only {volume.total|tokens} tokens a month."/
