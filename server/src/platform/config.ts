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
  /** Where notices to residents go: the development log files (DATA_DIR/sms.log, email.log) by default. */
  NOTIFY_PROVIDER: z.enum(['log']).default('log'),
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
