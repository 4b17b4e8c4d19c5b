# file: rules.yaml
s/amount: -min(400, 0.5 \* cost.saving)/amount: privacy == "hard"/
