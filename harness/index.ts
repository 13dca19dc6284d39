// What scenario files import: typed builders for scenarios and steps.
export { defineScenario, probe, acceptEndpoint } from './core/scenario.js'
export { defineComparison } from './core/comparison.js'
export type { ComparisonInput } from './core/comparison.js'
export type { ScenarioInput, Expectations, FailureClass, NameKind } from './core/scenario.js'
