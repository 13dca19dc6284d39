// Errors of the local AWS API, shaped as AWS answers them: a stable code the SDK turns into its
// exception name (`InvalidVpcID.NotFound`, `LoadBalancerNotFound`, …), a message, an HTTP status,
// and for query protocols whether the caller (Sender) or the service (Receiver) is at fault.

/** One AWS error response; handlers throw it, the protocol layer serialises it. */
export class AwsApiError extends Error {
  readonly code: string
  readonly status: number
  readonly fault: 'Sender' | 'Receiver'
  constructor(code: string, message: string, options: { status?: number; fault?: 'Sender' | 'Receiver' } = {}) {
    super(message)
    this.name = 'AwsApiError'
    this.code = code
    this.status = options.status ?? 400
    this.fault = options.fault ?? (this.status >= 500 ? 'Receiver' : 'Sender')
  }
}

/** The code every unemulated action answers with; `plh run` recognises it and names the resource. */
export const NOT_EMULATED_CODE = 'NotEmulatedByLocalTarget'

/** An action the local API does not emulate: one message that names the service and the action. */
export function notEmulated(service: string, action: string): AwsApiError {
  return new AwsApiError(NOT_EMULATED_CODE, `not emulated: ${service}:${action} (the local target does not emulate this action)`, { status: 400 })
}

/** `InvalidParameterValue`-style error naming the parameter, as EC2 and ELBv2 phrase them. */
export function invalidParameter(name: string, detail: string, code = 'InvalidParameterValue'): AwsApiError {
  return new AwsApiError(code, `Invalid value for parameter ${name}: ${detail}`)
}

/** A required parameter is missing (EC2: MissingParameter; query services: ValidationError). */
export function missingParameter(name: string, code = 'MissingParameter'): AwsApiError {
  return new AwsApiError(code, `The request must contain the parameter ${name}`)
}
