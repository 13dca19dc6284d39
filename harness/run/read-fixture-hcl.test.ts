import { describe, expect, it } from 'vitest'
import { collectHclDeclarations, stripExpressionWrapper } from './read-fixture-hcl.js'

describe('stripExpressionWrapper', () => {
  it('removes the ${…} that hcl2json puts around type expressions', () => {
    expect(stripExpressionWrapper('${list(number)}')).toBe('list(number)')
    expect(stripExpressionWrapper('${object({ a = string, b = list(map(string)) })}')).toBe('object({ a = string, b = list(map(string)) })')
  })

  it('leaves plain text alone', () => {
    expect(stripExpressionWrapper('string')).toBe('string')
    expect(stripExpressionWrapper('${a} and ${b}x')).toBe('${a} and ${b}x')
  })
})

describe('collectHclDeclarations', () => {
  const parsed = [
    {
      file: 'terraform/x/variables.tf',
      json: {
        variable: {
          run_id: [{ type: '${string}', description: 'run id' }],
          profile: [{ type: '${string}', default: null }],
          ports: [{ type: '${list(number)}', default: [80], description: 'ports' }],
        },
      },
    },
    {
      file: 'terraform/x/providers.tf',
      json: {
        provider: { aws: [{ alias: 'producer', default_tags: [{ tags: '${local.tags}' }] }, { alias: 'consumer', region: 'us-east-1' }] },
      },
    },
    { file: 'terraform/x/outputs.tf', json: { output: { harness: [{ value: '${local.x}' }] }, locals: [{ x: 1 }] } },
  ]

  it('keeps each variable with its default, type text, description and file', () => {
    const hcl = collectHclDeclarations(parsed)
    expect(hcl.variables.ports).toEqual({ default: [80], type: 'list(number)', description: 'ports', file: 'terraform/x/variables.tf' })
    expect(hcl.files).toEqual(['terraform/x/variables.tf', 'terraform/x/providers.tf', 'terraform/x/outputs.tf'])
  })

  it('tells a null default from no default', () => {
    const hcl = collectHclDeclarations(parsed)
    expect('default' in hcl.variables.profile!).toBe(true)
    expect(hcl.variables.profile!.default).toBeNull()
    expect('default' in hcl.variables.run_id!).toBe(false)
  })

  it('lists outputs and providers, noting default_tags', () => {
    const hcl = collectHclDeclarations(parsed)
    expect(hcl.outputs).toEqual({ harness: { file: 'terraform/x/outputs.tf' } })
    expect(hcl.providers).toEqual([
      { name: 'aws', alias: 'producer', file: 'terraform/x/providers.tf', defaultTags: true },
      { name: 'aws', alias: 'consumer', file: 'terraform/x/providers.tf', defaultTags: false },
    ])
  })

  it('reports a variable or output declared twice', () => {
    const hcl = collectHclDeclarations([
      { file: 'a.tf', json: { variable: { v: [{}] }, output: { o: [{}] } } },
      { file: 'b.tf', json: { variable: { v: [{}] }, output: { o: [{}] } } },
    ])
    expect(hcl.duplicates).toEqual(['variable v is declared in a.tf and again in b.tf', 'output o is declared in a.tf and again in b.tf'])
  })
})
