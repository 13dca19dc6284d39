// The run configuration file (plh.config.json): which AWS accounts play which role, their
// credentials, regions, where Terraform keeps state, extra tags. Pure: parsing and validation
// only; harness/run/load-run-config.ts reads the file.
import { z } from 'zod'
import { InputError } from './errors.js'
import { parseOrThrow } from './validate-input.js'

/** The file `plh run --target aws` and `plh doctor --target aws` read when no --config is given. */
export const defaultRunConfigFile = 'plh.config.json'

/** An account alias as fixtures name it in their variables (`<alias>_profile`, `<alias>_role_arn`, `<alias>_account_id`). */
export const accountAliasPattern = /^[a-z][a-z0-9_]{0,30}$/

/** AWS region names such as us-east-1, eu-west-2, us-gov-west-1, ap-southeast-4. */
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1')

const accountSchema = z
  .object({
    account_id: z.string().regex(/^\d{12}$/, '12 digits').optional(),
    profile: z.string().min(1).optional(),
    role_arn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'an IAM role ARN such as arn:aws:iam::123456789012:role/plh-runner').optional(),
    external_id: z.string().min(1).optional(),
    /** regions this account is used in (the janitor scans them) */
    regions: z.array(region).optional(),
  })
  .strict()
  .superRefine((account, ctx) => {
    // Terraform's provider blocks take a profile or a role to assume, and one credential source
    // per account keeps doctor's check and the run identical.
    if (account.profile !== undefined && account.role_arn !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['role_arn'], message: 'give profile or role_arn, not both (neither: the default credential chain)' })
    }
    if (account.external_id !== undefined && account.role_arn === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['external_id'], message: 'external_id only applies with role_arn' })
    }
    if (account.role_arn !== undefined && account.account_id !== undefined && !account.role_arn.includes(`::${account.account_id}:`)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['account_id'], message: `${account.account_id} is not the account of role_arn ${account.role_arn}` })
    }
  })

export const runConfigSchema = z
  .object({
    name_prefix: z.string().regex(/^[a-z][a-z0-9-]{0,11}$/, '1 to 12 lower-case letters, digits or dashes, starting with a letter').default('plh'),
    accounts: z.record(z.string().regex(accountAliasPattern, 'an account alias: lower-case letters, digits, underscores, starting with a letter'), accountSchema),
    regions: z.array(region).min(1).optional(),
    state_backend: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('local') }).strict(),
        z
          .object({
            type: z.literal('s3'),
            bucket: z.string().min(3),
            key_prefix: z.string().regex(/^[A-Za-z0-9._\-/]*[A-Za-z0-9._-]$/, 'an S3 key prefix without a trailing slash').default('plh'),
            region,
            dynamodb_table: z.string().min(1).optional(),
            use_lockfile: z.boolean().default(true),
          })
          .strict(),
      ])
      .default({ type: 'local' }),
    tags: z.record(z.string().min(1), z.string()).default({}),
  })
  .strict()

export type RunConfig = z.infer<typeof runConfigSchema>
export type AccountConfig = RunConfig['accounts'][string]
export type StateBackend = RunConfig['state_backend']

/** Parses the text of a run configuration file; every problem is an InputError naming `file` and the field. */
export function parseRunConfig(text: string, file: string): RunConfig {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InputError(file, '(root)', `not valid JSON: ${(error as Error).message}`, { cause: error })
  }
  return parseOrThrow(runConfigSchema, json, file)
}
