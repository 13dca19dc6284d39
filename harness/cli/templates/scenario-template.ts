// The file `plh init scenario <name> --fixture <fixture>` writes (pure): a commented scenario that
// runs as written, probing the endpoint's regional and zonal names with status, body and latency
// expectations. Every field is explained where it stands; docs/reference/scenario.md has them all.

export interface ScenarioTemplateInput {
  name: string
  fixture: string
  /** the fixture's targets (its manifest): the scenario runs where the fixture can be built */
  targets: Array<'local' | 'aws'>
  /** the fixture's expected body pattern (its outputs.tf), when it states one */
  bodyPattern?: string
}

/** The text of scenarios/<name>.scenario.ts. */
export function renderScenarioFile(input: ScenarioTemplateInput): string {
  const { name, fixture, targets } = input
  const runOn = targets.includes('local') ? `plh run -s ${name}                 # on the local target (an emulator, no AWS needed)` : `plh run -s ${name} --target aws   # this fixture runs on AWS only`
  const body = input.bodyPattern
    ? `        // a regular expression the body must match (default: the fixture's own expected body_pattern)\n        body: ${regexLiteral(input.bodyPattern)},`
    : `        // body: /^Hello/,               // a regular expression the body must match (default: the fixture's expected body_pattern)`
  return `// ${name}: a scenario of the ${fixture} fixture, written by \`plh init scenario\`.
//
//   plh validate                          # checks this file without applying anything
//   ${runOn}
//   plh run -s ${name} -n 50              # more samples per name (overrides \`samples\` below)
//
// Every field: docs/reference/scenario.md. Walk-through: docs/getting-started.md.
import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  // must equal the file name: scenarios/${name}.scenario.ts
  name: '${name}',
  // the Terraform fixture this scenario applies: terraform/${fixture}/ (\`plh list\` shows them all)
  fixture: '${fixture}',
  // one line for \`plh list\` and the report
  description: 'Consumers reach the ${fixture} service through the endpoint\\'s regional and zonal names.',
  // the behaviour it demonstrates, in one line (shown by \`plh list\`)
  proves: 'every consumer gets HTTP 200 from the regional and each zonal name, and each zonal name resolves to its own AZ\\'s ENI',
  // where it can run: 'local' (the emulator) and/or 'aws' (default: both)
  targets: ${JSON.stringify(targets).replaceAll('"', "'").replaceAll(',', ', ')},
  // overrides of the fixture's variables (terraform/${fixture}/variables.tf), e.g. { az_count: 3 }
  vars: {},
  // steps run in order: probes with expectations, and actions such as acceptEndpoint(),
  // { kind: 'wait', seconds: 5 }, { kind: 'set-target-health', az, healthy } (health checks fail),
  // { kind: 'set-target-registration', az, registered } (deregistered)
  steps: [
    probe({
      title: 'regional and zonal names answer from every consumer',
      // which instances send the requests: 'consumers' (default) or 'producers'
      from: 'consumers',
      // which names: the endpoint's 'regional' name, each 'zonal' name; also 'tls', 'consumer-ips'
      names: ['regional', 'zonal'],
      // scheme, port and path of the URL (port default: the service's first listener port)
      scheme: 'http',
      path: '/',
      // curl requests per instance per name, all in one SSM command per instance
      samples: 10,
      // curl --max-time and --connect-timeout, in seconds
      timeout_s: 5,
      connect_timeout_s: 2,
      expect: {
        // the HTTP status every sample must return
        status: 200,
${body}
        // the share of samples that must succeed (1: all of them)
        success_ratio: 1,
        // a zonal name must resolve to the endpoint ENI in its own AZ, and only that
        resolves_to_own_az: true,
        // upper bounds in ms on percentiles of one curl timing (time_total: the whole request)
        latency: { timing: 'time_total', p95: 250 },
      },
    }),
  ],
})
`
}

function regexLiteral(pattern: string): string {
  return `/${pattern.replaceAll('/', '\\/')}/`
}
