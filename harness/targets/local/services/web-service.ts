// The producer's web service, one per producer instance: answers on the instance's own IP inside
// its namespace. `/` says who answered, `/whoami` echoes the source address the service sees
// (on AWS: the NLB's private IP), `/health` is what the NLB's health check asks.
import http from 'node:http'
import type net from 'node:net'

/** What a producer answers on `/`; the fixture's expected body_pattern matches it. */
export function producerBody(az: string, instanceId: string): string {
  return `Hello from plh producer ${az} ${instanceId}\n`
}

/** A producer instance's HTTP service over listening sockets made inside its namespace. */
export class WebService {
  healthy = true
  private readonly servers: http.Server[] = []
  constructor(
    readonly instanceId: string,
    readonly az: string,
  ) {}

  /** Serves on a listening socket handed over by the socket agent. */
  serve(listener: net.Server): void {
    const server = http.createServer((req, res) => this.handle(req, res))
    server.keepAliveTimeout = 5000
    server.listen(listener)
    this.servers.push(server)
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/health') {
      res.writeHead(this.healthy ? 200 : 503, { 'content-type': 'text/plain' }).end(this.healthy ? 'ok\n' : 'unhealthy\n')
    } else if (path === '/whoami') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`${req.socket.remoteAddress ?? ''}\n`)
    } else {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-plh-instance': this.instanceId }).end(producerBody(this.az, this.instanceId))
    }
  }

  /** Stops serving and drops open connections. */
  async close(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections()
            s.close(() => resolve())
          }),
      ),
    )
  }
}
