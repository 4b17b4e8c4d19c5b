# file: models.yaml
0,/source: "test", /s///
