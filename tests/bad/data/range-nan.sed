# file: models.yaml
0,/range: \[3, 3\]/s/range: \[3, 3\]/range: [.nan, 3]/
