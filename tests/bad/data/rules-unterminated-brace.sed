# file: rules.yaml
s/because: "Data must stay home."/because: "Data must {stay home."/
