# file: models.yaml
0,/verified: true/s//verified: yes/
