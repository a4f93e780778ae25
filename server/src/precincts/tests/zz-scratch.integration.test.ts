import { it } from 'vitest';
import { createTestApp } from '../../test-support/test-app.js';
import { precinctDetail } from '../precincts.service.js';
import { precinctDetailSchema } from '../precincts.schema.js';

it('scratch', async () => {
  const t = await createTestApp();
  try {
    const d = await precinctDetail(t.db, 'almaly-001');
    console.log(JSON.stringify(d).slice(0, 600));
    const r = precinctDetailSchema.safeParse(d);
    console.log(r.success ? 'ok' : JSON.stringify(r.error.issues.slice(0, 3)));
  } catch (e) { console.log('ERR', e); }
  await t.close();
});
