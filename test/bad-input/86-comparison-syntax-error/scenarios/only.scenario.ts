// A valid scenario beside the bad comparison file, so that the run gets as far as comparisons (test/bad-input.e2e.test.ts)
export default {
  name: 'only',
  fixture: 'same-region-cross-account',
  description: 'a valid scenario for the comparison beside it',
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
