// GetParameter and GetParameters over the public AMI parameters: `data "aws_ssm_parameter"` in the
// fixtures (it reads `insecure_value` for the AMI id).
import type { GetParameterRequest, GetParameterResult, GetParametersRequest, GetParametersResult, Parameter } from '@aws-sdk/client-ssm'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { partitionOf } from '../aws-partition.js'
import { findPublicParameter, parameterNameOf } from './public-parameters.js'


export function getParameter(input: GetParameterRequest, context: ApiRequestContext): GetParameterResult {
  if (input.Name === undefined || input.Name === '') throw new AwsApiError('ValidationException', "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null")
  const parameter = findPublicParameter(context.region, input.Name, partitionOf(context.region))
  if (parameter === undefined) {
    const { selector } = parameterNameOf(input.Name)
    if (selector !== undefined && findPublicParameter(context.region, parameterNameOf(input.Name).name) !== undefined) {
      throw new AwsApiError('ParameterVersionNotFound', `Systems Manager could not find version ${selector} of ${parameterNameOf(input.Name).name}.`)
    }
    throw new AwsApiError('ParameterNotFound', `Parameter ${input.Name} not found.`)
  }
  return { Parameter: parameter }
}

export function getParameters(input: GetParametersRequest, context: ApiRequestContext): GetParametersResult {
  const names = input.Names ?? []
  if (names.length === 0 || names.length > 10) throw new AwsApiError('ValidationException', `1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length between 1 and 10`)
  const found: Parameter[] = []
  const invalid: string[] = []
  for (const name of names) {
    const parameter = findPublicParameter(context.region, name, partitionOf(context.region))
    if (parameter === undefined) invalid.push(name)
    else found.push(parameter)
  }
  return { Parameters: found, InvalidParameters: invalid }
}
