import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Every setting comes from the environment; `.env.example` lists them with their defaults. */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_FILE: z.string().min(1).default('./data/indaba.db'),
    CREATE_PASSWORD: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** FULL also survives power loss; NORMAL survives a crash of the process, and is faster. */
    SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
    /** Set when behind a reverse proxy, so rate limits see the real client address. */
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /** Messages one socket may send per second before it is slowed (and, if it keeps on, disconnected). */
    SOCKET_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(20),
    /** New joins (join and co-host links) from one network address per minute; a whole office behind one address still fits. */
    JOINS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
    RECONNECT_GRACE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
    RESTORE_DAYS: z.coerce.number().int().min(0).max(365).default(2),
    /** Workshops with no activity for this many days are deleted, with everything about them. Unset: kept until deleted by hand. */
    RETENTION_DAYS: optionalText.pipe(
      z
        .string()
        .regex(/^[0-9]+$/, 'a whole number of days, 1 or more (leave it empty to keep workshops until their host deletes them)')
        .transform(Number)
        .pipe(z.number().int().min(1, 'at least 1 day (leave it empty to keep workshops until their host deletes them)').max(36_500, 'at most 36500 days (100 years)'))
        .optional(),
    ),
    LIVEKIT_URL: optionalText.pipe(z.url({ protocol: /^wss?|https?$/ }).optional()),
    LIVEKIT_API_KEY: optionalText,
    LIVEKIT_API_SECRET: optionalText,
  })
  .superRefine((c, ctx) => {
    const set = [c.LIVEKIT_URL, c.LIVEKIT_API_KEY, c.LIVEKIT_API_SECRET].filter(Boolean).length;
    if (set !== 0 && set !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['LIVEKIT_URL'],
        message: 'set all three of LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or none of them',
      });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; on a wrong value, throws one line naming the variable and the problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.join('.') ?? 'environment';
  throw new ConfigError(`Configuration error: ${name}: ${issue?.message ?? 'invalid value'} (see .env.example)`);
}

export class ConfigError extends Error {}

export const videoEnabled = (c: Pick<Config, 'LIVEKIT_URL'>): boolean => Boolean(c.LIVEKIT_URL);
