// The fixture manifest (terraform/<fixture>/manifest.json): what the fixture proves, which
// topology the local emulator builds for it, and the variables and outputs it declares, so that
// `plh validate` can cross-check it against the HCL.
import { z } from 'zod'

export const topologies = ['same-region-cross-account', 'native-cross-region', 'peered-outpost-relay', 'tls-via-cname'] as const

/** Waits the AWS target can run between apply stages. */
export const applyStageWaits = ['endpoint-service-regions-available'] as const

export const fixtureManifestSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    description: z.string().min(1),
    proves: z.array(z.string().min(1)).default([]),
    /** what the local target builds for this fixture; absent: the fixture runs on AWS only */
    topology: z.enum(topologies).optional(),
    targets: z.array(z.enum(['local', 'aws'])).min(1),
    /** every variable variables.tf declares */
    variables: z.array(z.string().min(1)),
    /** every output the fixture declares; must include `harness` */
    outputs: z.array(z.string().min(1)).refine((o) => o.includes('harness'), 'must include the `harness` output'),
    /**
     * AWS target: applied before the rest, in order: each stage's resource addresses (terraform
     * -target, with what they depend on), then a wait on AWS before the next stage. For what the
     * provider does not wait for, e.g. an endpoint service's supported regions leaving `Pending`.
     */
    apply_stages: z
      .array(z.object({ targets: z.array(z.string().min(1)).min(1), wait_for: z.enum(applyStageWaits) }).strict())
      .optional(),
  })
  .strict()

export type FixtureManifest = z.infer<typeof fixtureManifestSchema>
