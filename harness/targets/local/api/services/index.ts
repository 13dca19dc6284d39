// The services the local API serves, by SigV4 signing name. A request for any other signing name
// answers `not emulated: <service>:<Action>`.
import type { ServiceDefinition } from '../server/action-handler.js'
import { ec2Service } from './ec2/index.js'
import { stsService } from './sts/index.js'

/** Every emulated service; the server routes by `signingName`. */
export const services: ServiceDefinition[] = [stsService, ec2Service]
