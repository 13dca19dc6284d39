// SSM parameter handlers for the local API's one SSM service (services/ssm merges them with Run
// Command): GetParameter and GetParameters over AWS's public AMI parameters.
import type { ActionHandler } from '../../server/action-handler.js'
import { getParameter, getParameters } from './get-parameters.js'

export { findPublicParameter, listPublicAmis, publicAmiId, PUBLIC_AMI_PARAMETERS } from './public-parameters.js'

/** Parameter actions by name, for `createSsmService(runCommandHandlers, ssmParameterHandlers)`. */
export const ssmParameterHandlers: Record<string, ActionHandler> = {
  GetParameter: getParameter,
  GetParameters: getParameters,
}
