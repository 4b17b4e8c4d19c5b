# file: rules.yaml
s/when: cost.saving > 0/when: ((((((((((((((((((((((((((((((((((cost.saving)))))))))))))))))))))))))))))))))) > 0/
