import { defineConfig } from 'drizzle-kit';

/** Each module owns its `*.tables.ts`; migrations are generated from all of them. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.tables.ts',
  out: './drizzle',
  migrations: { prefix: 'timestamp' },
});
