// The files a workspace writes into its copy of a fixture, rendered as strings (written in
// terraform-workspace.ts): variable values, the S3 backend, the provider-mirror CLI config. Pure.
import type { RunConfig } from '../../../core/run-config.js'

/** Auto-loaded by terraform, so values never appear on a command line (nor in `ps`). */
export const tfvarsFileName = 'plh.auto.tfvars.json'
/** An override file: terraform merges its `terraform { backend … }` into the fixture's configuration. */
export const backendOverrideFileName = 'plh_backend_override.tf'
export const backendConfigFileName = 'plh.s3.tfbackend'
export const cliConfigFileName = 'plh-terraform.rc'

export type S3Backend = Extract<RunConfig['state_backend'], { type: 's3' }>

/** Variable values as JSON; undefined values are left out (terraform then takes the default). */
export function renderTfvars(vars: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined))
  return `${JSON.stringify(defined, null, 2)}\n`
}

/** The state key of one fixture of one run: `<key_prefix>/<run-id>/<fixture>[-<scope>].tfstate`. */
export function buildStateKey(keyPrefix: string, runId: string, fixture: string, scope?: string): string {
  return `${keyPrefix.replace(/\/+$/, '')}/${runId}/${fixture}${scope ? `-${scope}` : ''}.tfstate`
}

export function renderBackendOverride(): string {
  return ['# Written by the harness: the run configuration asks for S3 state (settings in plh.s3.tfbackend).', 'terraform {', '  backend "s3" {}', '}', ''].join('\n')
}

/** An HCL string literal: JSON escaping plus `${`/`%{`, which HCL would read as templates. */
function hclString(value: string): string {
  return JSON.stringify(value).replaceAll('${', () => '$${').replaceAll('%{', '%%{')
}

/** The -backend-config file of an S3 backend. */
export function renderS3BackendConfig(backend: S3Backend, key: string): string {
  const lines = [`bucket       = ${hclString(backend.bucket)}`, `key          = ${hclString(key)}`, `region       = ${hclString(backend.region)}`, `encrypt      = true`]
  // S3 native locking needs terraform >= 1.10; a DynamoDB table works with older ones.
  if (backend.use_lockfile) lines.push('use_lockfile = true')
  if (backend.dynamodb_table) lines.push(`dynamodb_table = ${hclString(backend.dynamodb_table)}`)
  return `${lines.join('\n')}\n`
}

/** A CLI config that installs hashicorp/* providers from `mirror` only, so init never goes online for them. */
export function renderMirrorCliConfig(mirror: string): string {
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirror)}`,
    '    include = ["registry.terraform.io/hashicorp/*"]',
    '  }',
    '  direct {',
    '    exclude = ["registry.terraform.io/hashicorp/*"]',
    '  }',
    '}',
    '',
  ].join('\n')
}

/** The arguments of each command, in one place. */
export function buildTerraformArgs(command: 'init' | 'apply' | 'destroy' | 'output' | 'show', options: { backendConfigFile?: string; targets?: readonly string[] } = {}): string[] {
  switch (command) {
    case 'init':
      return ['init', '-input=false', '-no-color', ...(options.backendConfigFile ? [`-backend-config=${options.backendConfigFile}`] : [])]
    case 'apply':
      // -target: one stage of a fixture's apply_stages (the addresses and what they depend on)
      return ['apply', '-auto-approve', '-input=false', '-json', '-lock-timeout=120s', ...(options.targets ?? []).map((t) => `-target=${t}`)]
    case 'show':
      return ['show', '-json', '-no-color']
    case 'destroy':
      return ['destroy', '-auto-approve', '-input=false', '-json', '-lock-timeout=120s']
    case 'output':
      return ['output', '-json', '-no-color']
  }
}

/** The values of `terraform output -json` ({ name: { value, type, sensitive } }) as { name: value }. */
export function readOutputValues(json: string): Record<string, unknown> {
  const parsed = JSON.parse(json) as Record<string, { value?: unknown }>
  return Object.fromEntries(Object.entries(parsed).map(([name, output]) => [name, output?.value]))
}

/** One resource of `terraform show -json`: its address, type and attribute values. */
export interface StateResource {
  address: string
  type: string
  values: Record<string, unknown>
}

interface StateModule {
  resources?: Array<{ address: string; type: string; mode?: string; values?: Record<string, unknown> }>
  child_modules?: StateModule[]
}

/** The managed resources of `terraform show -json`, from the root module and every child module. */
export function readStateResources(json: string): StateResource[] {
  const parsed = JSON.parse(json) as { values?: { root_module?: StateModule } }
  const walk = (module: StateModule | undefined): StateResource[] => [
    ...(module?.resources ?? []).filter((r) => (r.mode ?? 'managed') === 'managed').map((r) => ({ address: r.address, type: r.type, values: r.values ?? {} })),
    ...(module?.child_modules ?? []).flatMap(walk),
  ]
  return walk(parsed.values?.root_module)
}
