# file: models.yaml
/weights_size:/,/int4:/d
