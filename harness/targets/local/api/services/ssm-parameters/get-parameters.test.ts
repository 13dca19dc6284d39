import { describe, expect, it } from 'vitest'
import { createTestContext, createTestStore } from '../test-request-context.js'
import { getParameter, getParameters } from './get-parameters.js'
import { listPublicAmis } from './public-parameters.js'

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'

describe('GetParameter', () => {
  it("answers the fixtures' AMI parameter with an ami id that is stable per region and the same for every account", () => {
    const store = createTestStore()
    const east = createTestContext(store, { region: 'us-east-1' })
    const parameter = getParameter({ Name: AL2023, WithDecryption: true }, east).Parameter!
    expect(parameter).toMatchObject({ Name: AL2023, Type: 'String', Version: 1, DataType: 'text', ARN: `arn:aws:ssm:us-east-1::parameter${AL2023}` })
    expect(parameter.Value).toMatch(/^ami-[0-9a-f]{17}$/)
    expect(getParameter({ Name: AL2023 }, createTestContext(store, { account: '222222222222' })).Parameter!.Value).toBe(parameter.Value)
    expect(getParameter({ Name: AL2023 }, createTestContext(store, { region: 'eu-west-2' })).Parameter!.Value).not.toBe(parameter.Value)
    expect(getParameter({ Name: `arn:aws:ssm:us-east-1::parameter${AL2023}` }, east).Parameter!.Value).toBe(parameter.Value)
    expect(listPublicAmis('us-east-1').find((a) => a.parameter === AL2023)).toEqual({ imageId: parameter.Value, parameter: AL2023, architecture: 'x86_64' })
  })

  it('answers ParameterNotFound for names it does not know and ParameterVersionNotFound for versions', () => {
    const context = createTestContext(createTestStore())
    expect(() => getParameter({ Name: '/aws/service/nope' }, context)).toThrow(expect.objectContaining({ code: 'ParameterNotFound' }))
    expect(() => getParameter({ Name: `${AL2023}:7` }, context)).toThrow(expect.objectContaining({ code: 'ParameterVersionNotFound' }))
  })
})

describe('GetParameters', () => {
  it('answers the known ones and lists the others as invalid', () => {
    const context = createTestContext(createTestStore())
    const out = getParameters({ Names: [AL2023, '/nope'] }, context)
    expect(out.Parameters!.map((p) => p.Name)).toEqual([AL2023])
    expect(out.InvalidParameters).toEqual(['/nope'])
  })
})
