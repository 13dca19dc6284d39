// GetParameter over the wire, served by the one SSM service built from the parameter handlers.
import * as ssm from '@aws-sdk/client-ssm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSsmService } from '../ssm/index.js'
import { startTestApi } from '../test-request-context.js'
import { ssmParameterHandlers } from './index.js'
import { publicAmiId } from './public-parameters.js'

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'

let setup: Awaited<ReturnType<typeof startTestApi>>
beforeAll(async () => {
  setup = await startTestApi([createSsmService(ssmParameterHandlers)])
})
afterAll(async () => {
  await setup?.api.close()
})

describe('SSM parameters through the SDK client', () => {
  it('answers the AMI parameter per region and ParameterNotFound for others', async () => {
    const east = new ssm.SSMClient(setup.clientConfig(undefined, 'us-east-1'))
    const west = new ssm.SSMClient(setup.clientConfig(undefined, 'eu-west-2'))
    const parameter = (await east.send(new ssm.GetParameterCommand({ Name: AL2023, WithDecryption: true }))).Parameter!
    expect(parameter).toEqual({
      Name: AL2023,
      Type: 'String',
      Value: publicAmiId('us-east-1', AL2023),
      Version: 1,
      LastModifiedDate: new Date('2026-11-01T00:00:00.000Z'),
      ARN: `arn:aws:ssm:us-east-1::parameter${AL2023}`,
      DataType: 'text',
    })
    expect((await west.send(new ssm.GetParameterCommand({ Name: AL2023 }))).Parameter!.Value).toBe(publicAmiId('eu-west-2', AL2023))
    const many = await east.send(new ssm.GetParametersCommand({ Names: [AL2023, '/nope'] }))
    expect(many.Parameters!.map((p) => p.Name)).toEqual([AL2023])
    expect(many.InvalidParameters).toEqual(['/nope'])
    await expect(east.send(new ssm.GetParameterCommand({ Name: '/nope' }))).rejects.toBeInstanceOf(ssm.ParameterNotFound)
  })
})
