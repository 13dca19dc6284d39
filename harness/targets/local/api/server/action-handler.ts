// The contract between the API server and the per-service handlers. A handler takes the SDK's
// input shape as a plain object (already parsed from the wire by the protocol layer, member names
// as in @aws-sdk/client-* types) and returns the SDK's output shape; it never sees XML or JSON text.
import type { AwsStore } from '../store/aws-store.js'

/** Who is calling, where, and the state they act on. */
export interface ApiRequestContext {
  /** 12-digit account id of the caller (from the SigV4 access key) */
  account: string
  /** region from the SigV4 credential scope (`us-east-1`; IAM and Route 53 sign with us-east-1) */
  region: string
  /** signing name from the credential scope: ec2, elasticloadbalancing, iam, sts, ssm, … */
  service: string
  action: string
  requestId: string
  /** `arn:aws:iam::<account>:root` for the per-account keys */
  principalArn: string
  store: AwsStore
}

/** One action: SDK input in, SDK output out (plain objects; Dates for timestamps). */
export type ActionHandler = (input: any, context: ApiRequestContext) => unknown

/** The wire protocols the local API speaks; each has one codec under protocol/. */
export type WireProtocol = 'ec2' | 'query' | 'json' | 'rest-xml'

/** One emulated service: how it is reached, where its model comes from, and its handlers. */
export interface ServiceDefinition {
  /** the SigV4 signing name that routes requests here (`ec2`, `elasticloadbalancing`, …) */
  signingName: string
  /** the service's name in messages (`EC2`, `ELBv2`, …) */
  displayName: string
  protocol: WireProtocol
  /** XML namespace of query responses (`http://ec2.amazonaws.com/doc/2016-11-15/`) */
  xmlNamespace?: string
  /** JSON protocols: the `X-Amz-Target` prefix (`AmazonSSM`) */
  targetPrefix?: string
  /** JSON protocols: content type version (`1.1`) */
  jsonVersion?: '1.0' | '1.1'
  /**
   * The SDK client module's exports: operation schemas are read as `schemas[`${Action}$`]`
   * (e.g. `import * as ec2 from '@aws-sdk/client-ec2'`), so shapes come from the model the
   * harness's own clients use.
   */
  schemas: Record<string, unknown>
  handlers: Record<string, ActionHandler>
}
