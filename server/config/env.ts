/** @module The server's configuration, read from environment variables and validated once at start. */
import { z } from 'zod';
import { BUILD_DIR, DEFAULT_BOUNDARIES_2025_DIR, DEFAULT_BOUNDARIES_DIR, DEFAULT_FACTS_DIR } from './paths.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  /** Boundaries of the structure before 1 July 2025. */
  NTM_BOUNDARIES_DIR: z.string().min(1).default(DEFAULT_BOUNDARIES_DIR),
  /** Boundaries of the 2025-07 structure (34 provinces > 3,321 communes). */
  NTM_BOUNDARIES_2025_DIR: z.string().min(1).default(DEFAULT_BOUNDARIES_2025_DIR),
  NTM_FACTS_DIR: z.string().min(1).default(DEFAULT_FACTS_DIR),
  /** The build root: data/build/<structure>/ per unit structure. */
  NTM_BUILD_DIR: z.string().min(1).default(BUILD_DIR),
  NTM_SEED: z.coerce.number().int().nonnegative().optional(),
  /** `1` adds /__baseline/<bytes> (an in-memory body of that size) for the API benchmark's comparison. */
  NTM_BENCH_BASELINE: z.enum(['0', '1']).default('0'),
  /** `1` when a reverse proxy in front sets X-Forwarded-For (and -Proto, -Host): sign-in throttling then counts the
   * client's address (the right-most one the proxy added), not the proxy's; the cookie and links follow the
   * forwarded scheme and host. Never set it without such a proxy: anyone could then choose them. */
  NTM_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** The public origin (`https://ntm.example.gov.vn`) every absolute URL is written with: Open Graph, oEmbed.
   * Unset: the request's own (then a `Host` header chooses it). Set it in production. */
  NTM_PUBLIC_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+$/, 'an origin: http(s)://host[:port], no path')
    .refine((v) => URL.canParse(v), 'not a valid origin')
    .optional(),
  /** App processes `npm start` runs (Node's cluster, all on PORT); more than 1 needs PostgreSQL or a SQLite file
   * on a local disk (docs/deploy.md). The first-start preparation runs once, before they start. */
  NTM_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Memory each app process may keep finished public API responses in (MB, least recently used out first);
   * `0` turns the response cache off, so that every read builds its answer (bench/cluster.ts measures that). */
  NTM_RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** Longest the server lets running requests finish after SIGTERM/SIGINT before it closes them (ms). */
  NTM_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Optional basemap drawn under the choropleth: a MapLibre style URL (http(s) or a path on this server). */
  NTM_BASEMAP_STYLE_URL: z.string().regex(/^(https?:\/\/|\/)/, 'an http(s) URL or a path starting with /').optional(),
});
/** The server's validated configuration. */
export type Env = z.infer<typeof EnvSchema>;

/** A configuration the server refuses to start with; its message names the variable and what it expects. */
export class ConfigError extends Error {}

/** Reads and validates the configuration from environment variables (process.env unless given), throwing a
 * ConfigError that names what is wrong. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const blankToUndefined = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = EnvSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`environment variable ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
