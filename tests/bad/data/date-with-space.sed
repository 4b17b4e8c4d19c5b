# file: models.yaml
0,/as_of: 2026-01-01/s//as_of: "2026-01- 1"/
