import { describe, expect, it } from 'vitest'
import { buildStateKey, buildTerraformArgs, readOutputValues, renderMirrorCliConfig, renderS3BackendConfig, renderTfvars } from './terraform-files.js'

describe('terraform files', () => {
  it('renders variables as JSON, leaving undefined ones to their defaults', () => {
    expect(JSON.parse(renderTfvars({ run_id: 'r', producer_profile: null, az_count: 2, skipped: undefined }))).toEqual({ run_id: 'r', producer_profile: null, az_count: 2 })
  })

  it('builds one state key per run, fixture and scope', () => {
    expect(buildStateKey('plh', '20261125T123300-3f9a2c', 'native-cross-region')).toBe('plh/20261125T123300-3f9a2c/native-cross-region.tfstate')
    expect(buildStateKey('nightly/plh/', 'r', 'f', 'a1')).toBe('nightly/plh/r/f-a1.tfstate')
  })

  it('renders an S3 backend config with the lock of choice, quoting HCL templates', () => {
    const text = renderS3BackendConfig({ type: 's3', bucket: 'state', key_prefix: 'plh', region: 'us-east-1', use_lockfile: true, dynamodb_table: 'locks' }, 'plh/r/${x}.tfstate')
    expect(text).toContain('bucket       = "state"')
    expect(text).toContain('key          = "plh/r/$${x}.tfstate"')
    expect(text).toContain('use_lockfile = true')
    expect(text).toContain('dynamodb_table = "locks"')
    expect(renderS3BackendConfig({ type: 's3', bucket: 'b', key_prefix: 'p', region: 'eu-west-2', use_lockfile: false }, 'k')).not.toContain('use_lockfile')
  })

  it('renders a CLI config that keeps hashicorp providers to the mirror', () => {
    expect(renderMirrorCliConfig('/opt/tf-plugins')).toBe(
      'provider_installation {\n  filesystem_mirror {\n    path    = "/opt/tf-plugins"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n',
    )
  })

  it('builds each command without prompts, and apply/destroy with JSON output', () => {
    expect(buildTerraformArgs('init', { backendConfigFile: 'plh.s3.tfbackend' })).toEqual(['init', '-input=false', '-no-color', '-backend-config=plh.s3.tfbackend'])
    expect(buildTerraformArgs('apply')).toEqual(expect.arrayContaining(['apply', '-auto-approve', '-input=false', '-json']))
    expect(buildTerraformArgs('destroy')).toEqual(expect.arrayContaining(['destroy', '-auto-approve', '-input=false', '-json']))
  })

  it('applies one stage with -target per address, and reads the state with show -json', () => {
    expect(buildTerraformArgs('apply', { targets: ['aws_vpc_endpoint_service.service', 'module.producer'] }).slice(-2)).toEqual(['-target=aws_vpc_endpoint_service.service', '-target=module.producer'])
    expect(buildTerraformArgs('apply').some((a) => a.startsWith('-target'))).toBe(false)
    expect(buildTerraformArgs('show')).toEqual(['show', '-json', '-no-color'])
  })

  it('reads output values out of `output -json`', () => {
    expect(readOutputValues('{"harness":{"sensitive":false,"type":["object",{}],"value":{"service":{}}},"n":{"value":2}}')).toEqual({ harness: { service: {} }, n: 2 })
  })
})
