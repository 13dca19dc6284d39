import { defineScenario } from '../harness/index.js'

export default defineScenario({
  name: 'principal-not-allowed',
  fixture: 'same-region-cross-account',
  description: 'The service allows only another account, so the consumer account cannot create its endpoint.',
  proves: 'a principal not in allowed_principals cannot create the endpoint',
  vars: { allowed_principals: ['arn:aws:iam::999999999999:root'] },
  expect_apply_error: 'InvalidServiceName',
})
