// Bad input on purpose (test/bad-input.e2e.test.ts): a plain probe, run on the aws target
export default {
  name: "aws-probe",
  fixture: "same-region-cross-account",
  description: "a plain probe, run on the aws target",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
