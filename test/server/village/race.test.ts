// Eight officials entering a commune's village counts for the first time at the same moment: every save
// is answered (no 500 from the primary key on PostgreSQL), one row remains, and it holds one of the sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

describe.each(writableApis())('village counts saved at once on $name', ({ open }) => {
  let ws: Workspace;
  let officials: Official[];
  beforeAll(async () => {
    ws = await open();
    officials = [];
    for (let i = 0; i < 8; i++) officials.push(await ws.official('district', '610'));
  });
  afterAll(() => ws?.close());

  it('eight first saves of one commune: all 200, one row', async () => {
    const commune = ws.ctx.units.ruralCommunes('610')[0]!;
    const sends = officials.map((_, i) => ({ villages: 10 + i, ntm_villages: 5, model_villages: 2 }));
    const answers = await Promise.all(officials.map((o, i) => o.request('PUT', `/api/v1/admin/villages/${commune}`, sends[i])));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    const rows = await ws.ctx.ndb.db.selectFrom('village_count').selectAll().where('commune_code', '=', commune).execute();
    expect(rows).toHaveLength(1);
    expect(sends.map((s) => s.villages)).toContain(rows[0]!.villages);
  });
});
