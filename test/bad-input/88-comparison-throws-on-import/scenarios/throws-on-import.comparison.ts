// Bad input on purpose (test/bad-input.e2e.test.ts): throws at its top level
const baseline = process.env.PLH_BASELINE_THAT_IS_NEVER_SET

if (baseline === undefined) throw new Error('PLH_BASELINE is not set')

export default {
  name: 'throws-on-import',
  description: 'needs an environment variable',
  a: 'only',
  b: baseline,
}
