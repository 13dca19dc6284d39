import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'latency-model-fidelity',
  fixture: 'native-cross-region',
  description: 'On a quiet cross-region path, the measured median time_starttransfer (less DNS) of every name matches what the emulator\'s latency model says it must be.',
  proves: 'the emulator applies its own latency model faithfully (within 2 ms or 5% of it, whichever is larger); the model and the measurement share one definition, so this checks the emulator against its model, not against AWS',
  targets: ['local'],
  steps: [
    probe({
      title: 'every name against the model',
      names: ['regional', 'zonal'],
      samples: 15,
      expect: { status: 200, within_model: { ms: 2, ratio: 0.05 } },
    }),
  ],
})
