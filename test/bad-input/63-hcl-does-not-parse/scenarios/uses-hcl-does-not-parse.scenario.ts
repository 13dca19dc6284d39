// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture hcl-does-not-parse
export default {
  name: "uses-hcl-does-not-parse",
  fixture: "hcl-does-not-parse",
  description: "runs the broken fixture hcl-does-not-parse",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
