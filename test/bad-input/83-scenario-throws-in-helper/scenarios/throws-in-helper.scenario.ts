// Bad input on purpose (test/bad-input.e2e.test.ts): a helper it calls at the top level throws
import { samplesFrom } from './helpers/samples-from.js'

export default {
  name: 'throws-in-helper',
  fixture: 'same-region-cross-account',
  description: 'a helper that throws on import',
  steps: [{ kind: 'probe', names: ['regional'], samples: samplesFrom('twenty') }],
}
