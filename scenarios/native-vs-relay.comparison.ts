import { defineComparison } from '../harness/index.js'

// Both scenarios cross us-east-1 ↔ eu-west-2 (the fixtures' defaults): native cross-region
// PrivateLink against the pre-2024 relay through a peered outpost VPC. No expectation: which is
// faster is what nightly runs are for; the report says whether the data can tell.
export default defineComparison({
  name: 'native-vs-relay',
  description: 'Native cross-region PrivateLink against the peered outpost relay, us-east-1 ↔ eu-west-2, regional names',
  a: 'native-cross-region',
  b: 'peered-outpost-relay',
  name_kind: 'regional',
})
