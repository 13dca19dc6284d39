import { defineScenario } from '../harness/index.js'

export default defineScenario({
  name: 'cross-region-unsupported',
  fixture: 'native-cross-region',
  description: 'The service does not list the consumer\'s region in supported_regions, so creating the cross-region endpoint fails at apply.',
  proves: 'a cross-region endpoint can only be created from a region the service supports',
  assumes: 'AWS answers InvalidServiceName (the service is not visible from that region); the error text is the emulator\'s',
  vars: { support_consumer_region: false },
  expect_apply_error: 'InvalidServiceName',
})
