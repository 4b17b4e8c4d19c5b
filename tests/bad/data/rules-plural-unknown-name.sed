# file: rules.yaml
s/^    because: "Only {volume.total|tokens} tokens a month."$/    plural_by: volume.total\n    because: "Only {volume.total|tokens} token a month."\n    because_plural: "Only {volume.totl|tokens} tokens a month."/
