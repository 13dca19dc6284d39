// What a codec hands the server to send: status, headers and body text.

/** One HTTP response of the local API. */
export interface WireResponse {
  status: number
  contentType: string
  body: string
  /** extra headers (JSON errors carry `x-amzn-errortype`) */
  headers?: Record<string, string>
}
