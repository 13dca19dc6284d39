// The services the local API serves, by SigV4 signing name. A request for any other signing name
// answers `not emulated: <service>:<Action>`. SSM is assembled per API (ssm/index.ts): its Run
// Command half needs the data plane's instances.
import type { ServiceDefinition } from '../server/action-handler.js'
import { ec2Service } from './ec2/index.js'
import { elbv2Service } from './elbv2/index.js'
import { iamService } from './iam/index.js'
import { stsService } from './sts/index.js'
import { taggingService } from './tagging/index.js'

/** Every emulated service; the server routes by `signingName`. */
export const services: ServiceDefinition[] = [
  stsService,
  ec2Service,
  elbv2Service,
  iamService,
  taggingService,
]
