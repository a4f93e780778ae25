import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from the environment and is validated once at boot.
 * A bad value stops the process with a message naming the variable.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  PUBLIC_URL: z.string().url().optional(),
  MAP_TILE_URL: z.string().url().optional(),
  /** Shown under the map when MAP_TILE_URL is set (tile providers require it). */
  MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
  /** Trust X-Forwarded-* from a proxy: 'false' (default), 'true', or a comma list of proxy addresses/CIDRs. */
  TRUST_PROXY: z.string().default('false'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  JOBS_WORKER: z.enum(['on', 'off']).default('on'),
  /** Appeals one address may submit per hour (web and Open311 without a key). */
  APPEAL_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** The public crime map shows no cell with fewer incidents than this. */
  PUBLIC_MAP_K: z.coerce.number().int().min(2).max(1000).default(5),
  /** When set, the demo data issues an Open311 API key with exactly this value (otherwise a random one, printed once). */
  OPEN311_DEMO_KEY: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  /**
   * Where SMS go: `log` (the default) appends them to DATA_DIR/sms.log; `smpp` sends to an SMS centre over
   * SMPP 3.4; `http` to an HTTP gateway. E-mail goes to DATA_DIR/email.log.
   */
  SMS_PROVIDER: z.enum(['log', 'smpp', 'http']).default('log'),
  /** The sender name (alphanumeric, up to 11 characters) or number the owner sees. */
  SMS_SENDER: z.string().min(1).max(16).default('POLICE'),
  /** SMPP: smpp://host:port, the account, and how many messages may await the centre's answer at once. */
  SMPP_URL: z.string().regex(/^smpps?:\/\/[^/\s]+:\d+$/, 'use smpp://host:port').optional(),
  SMPP_SYSTEM_ID: z.string().min(1).max(16).optional(),
  SMPP_PASSWORD: z.string().min(1).max(9).optional(),
  SMPP_SYSTEM_TYPE: z.string().max(13).optional(),
  SMPP_WINDOW: z.coerce.number().int().min(1).max(1000).default(50),
  /** HTTP gateway: its base URL and bearer token. */
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_TOKEN: z.string().min(8).optional(),
  /** How long a sender holds a message it is sending; another sender resubmits it (same key) after this. */
  MESSAGE_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Days a finished SMS or e-mail keeps its recipient's number or address; then only the record of it stays. */
  MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Wrong tow look-ups one address may make per 10 minutes (each plate also locks after 10 wrong codes an hour). */
  TOW_LOOKUP_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
}).superRefine((c, ctx) => {
  if (c.SMS_PROVIDER === 'smpp') {
    for (const key of ['SMPP_URL', 'SMPP_SYSTEM_ID', 'SMPP_PASSWORD'] as const) if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when SMS_PROVIDER=smpp' });
  }
  if (c.SMS_PROVIDER === 'http') {
    for (const key of ['SMS_HTTP_URL', 'SMS_HTTP_TOKEN'] as const) if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when SMS_PROVIDER=http' });
  }
});

export type AppConfig = z.infer<typeof configSchema> & { dataDir: string; trustProxy: boolean | string[] };

function parseTrustProxy(value: string): boolean | string[] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR), trustProxy: parseTrustProxy(parsed.data.TRUST_PROXY) };
}
