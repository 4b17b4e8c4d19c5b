# file: rules.yaml
s/when: volume.total < threshold/when: volume.totl < threshold/
