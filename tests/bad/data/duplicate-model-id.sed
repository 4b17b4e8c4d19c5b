# file: models.yaml
s/^  - id: hosted-b$/  - id: closed-a/
