// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture hcl-declares-unlisted-variable
export default {
  name: "uses-hcl-declares-unlisted-variable",
  fixture: "hcl-declares-unlisted-variable",
  description: "runs the broken fixture hcl-declares-unlisted-variable",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
