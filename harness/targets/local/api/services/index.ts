// The services the local API serves, by SigV4 signing name. A request for any other signing name
// answers `not emulated: <service>:<Action>`.
import type { ServiceDefinition } from '../server/action-handler.js'
import { elbv2Service } from './elbv2/index.js'
import { iamService } from './iam/index.js'
import { stsService } from './sts/index.js'
import { taggingService } from './tagging/index.js'

/** Every emulated service; the server routes by `signingName`. */
export const services: ServiceDefinition[] = [
  stsService,
  elbv2Service,
  iamService,
  taggingService,
]
