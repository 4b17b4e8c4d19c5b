# file: rules.yaml
s/{volume.total|tokens}/{volume.total|euros}/
