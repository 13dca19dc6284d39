import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'tls-via-cname',
  fixture: 'tls-via-cname',
  description: 'The NLB\'s TLS listener serves a certificate for consumer-link.example.com; a private zone CNAMEs that name to the endpoint\'s regional name.',
  proves: 'HTTPS to the friendly name verifies through the endpoint, HTTPS to the raw vpce name fails on the certificate name, plain HTTP still works',
  steps: [
    probe({
      title: 'HTTPS to the CNAME verifies',
      names: ['tls'],
      scheme: 'https',
      port: 443,
      samples: 10,
      expect: { status: 200, latency: { timing: 'time_appconnect', p95: 250 } },
    }),
    probe({
      title: 'HTTPS to the raw vpce names fails on the name',
      names: ['regional', 'zonal'],
      scheme: 'https',
      port: 443,
      samples: 3,
      expect: { failure: 'tls-name' },
    }),
    probe({ title: 'plain HTTP on the plain listener', names: ['regional'], samples: 5, expect: { status: 200 } }),
  ],
})
