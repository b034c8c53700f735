// GET /api/v1/admin/board on a writable copy of the seeded database (SQLite and PostgreSQL): the monthly
// report of a district or province. Every expected figure is counted here from the database tables, not
// taken from the code under test; the XLSX download is read back with exceljs.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastDayOf, addMonths } from '../../../server/period/period.ts';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Ref { code: string; name: string }
interface Board {
  scope: { level: string; code: string; name: string; province: Ref };
  period: string;
  previous_period: string | null;
  report_deadline: string;
  reviews: { due: number; received: number; missing: number; by_district: Array<Ref & { due: number; received: number; missing: number }>; missing_communes: Array<Ref & { district: Ref | null }> };
  changes: { previous_period: string | null; gained: number; lost: number; criteria: Array<{ number: number; gained: number; lost: number; gained_communes: Ref[]; lost_communes: Ref[] }> };
  at_risk: Array<Ref & { level: string; met: number; failing: Array<{ number: number; failing_since: string }> }>;
  targets: Array<{ metric: string; scope: { code: string | null } }>;
  plans: { half_year: string; from: string; to: string; communes: Array<Ref & { due_period: string; missing: number[] | null; criteria_needed: number | null; status: string }>; criteria_needed: number };
  provenance: { illustrative: boolean; note: string };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEVEL_RANK: Record<string, number> = { dat_chuan: 1, nang_cao: 2, kieu_mau: 3 };

describe.each(writableApis())('monthly reporting board on $name', ({ open }) => {
  let ws: Workspace;
  let admin: Official;
  let latest: string;

  const db = () => ws.ctx.ndb.db;
  const ruralOf = async (column: 'province_code' | 'district_code', code: string) =>
    (await db().selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('level', '=', 'commune').where('rural', '=', 1).where(column, '=', code).orderBy('code').execute()).map((r) => r.code);
  const officialCount = async (column: 'province_code' | 'district_code', code: string, period: string) =>
    Number(
      (
        await db()
          .selectFrom('review')
          .innerJoin('unit', 'unit.code', 'review.commune_code')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('unit.structure', '=', 'pre2025')
          .where('unit.rural', '=', 1)
          .where(`unit.${column}`, '=', code)
          .where('review.period', '=', period)
          .where('review.provenance', '=', 'official')
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Each commune's mask as of a period (its latest review at or before it), straight from the table. */
  const masksAt = async (codes: string[], period: string) => {
    const rows = await db().selectFrom('review').select(['commune_code', 'period', 'met_mask']).where('commune_code', 'in', codes).where('period', '<=', period).orderBy('period').execute();
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.commune_code, r.met_mask);
    return out;
  };
  /** Highest recognition level in force at a period, from the recognition table. */
  const levelsAt = async (codes: string[], period: string) => {
    const rows = await db().selectFrom('recognition').selectAll().where('unit_code', 'in', codes).where('unit_level', '=', 'commune').where('status', '=', 'recognised').execute();
    const out = new Map<string, number>();
    for (const r of rows) {
      if (r.effective_period !== null && r.effective_period > period) continue;
      if (r.revoked_date !== null && r.revoked_date <= lastDayOf(period)) continue;
      out.set(r.unit_code, Math.max(out.get(r.unit_code) ?? 0, LEVEL_RANK[r.level]!));
    }
    return out;
  };
  const bits = (mask: number) => Array.from({ length: 19 }, (_, i) => i + 1).filter((n) => (mask >> (n - 1)) & 1);
  const board = async (who: Official, query: string): Promise<Board> => {
    const res = await who.request('GET', `/api/v1/admin/board?${query}`);
    expect(res.status, `${query}: ${res.status}`).toBe(200);
    return (await res.json()) as Board;
  };

  beforeAll(async () => {
    ws = await open();
    admin = await ws.official('admin', null);
    latest = ws.ctx.periods.latest()!;
    // Official reviews this month for three communes of Đắk Glei (610) and one of 611.
    const chosen = [...(await ruralOf('district_code', '610')).slice(0, 3), (await ruralOf('district_code', '611'))[0]!];
    await db().updateTable('review').set({ provenance: 'official', source: 'board test', reviewed_by: 'test' }).where('period', '=', latest).where('commune_code', 'in', chosen).execute();
    await ws.ctx.dataChanged({ reviews: [latest] });
  });
  afterAll(() => ws?.close());

  it('a district officer gets the board of their district: reviews received vs due, the missing communes, the deadline', async () => {
    const district = await ws.official('district', '610');
    const b = await board(district, 'district=610');
    const due = await ruralOf('district_code', '610');
    expect(b.scope).toEqual({ level: 'district', code: '610', name: 'Huyện Đắk Glei', province: { code: '62', name: 'Tỉnh Kon Tum' } });
    expect(b.period).toBe(latest);
    expect(b.previous_period).toBe(addMonths(latest, -1));
    expect(b.report_deadline).toBe(`${latest}-20`);
    expect(b.reviews.due).toBe(due.length);
    expect(b.reviews.received).toBe(await officialCount('district_code', '610', latest));
    expect(b.reviews.received).toBe(3);
    expect(b.reviews.missing).toBe(due.length - 3);
    expect(b.reviews.by_district).toEqual([{ code: '610', name: 'Huyện Đắk Glei', due: due.length, received: 3, missing: due.length - 3 }]);
    expect(b.reviews.missing_communes.map((c) => c.code)).toEqual(due.slice(3));
    expect(b.provenance.illustrative).toBe(true);
    // A month without official reviews: everything is due and missing.
    const earlier = await board(district, 'district=610&period=2024-06');
    expect(earlier.reviews).toMatchObject({ due: due.length, received: 0, missing: due.length });
  });

  it('a province officer gets the province board with one row per district; the rows add up to the direct counts', async () => {
    const province = await ws.official('province', '62');
    const b = await board(province, 'province=62');
    expect(b.scope.level).toBe('province');
    expect(b.reviews.due).toBe((await ruralOf('province_code', '62')).length);
    expect(b.reviews.received).toBe(await officialCount('province_code', '62', latest));
    expect(b.reviews.received).toBe(4);
    for (const d of b.reviews.by_district) {
      expect(d.due, d.code).toBe((await ruralOf('district_code', d.code)).length);
      expect(d.received, d.code).toBe(await officialCount('district_code', d.code, latest));
    }
    expect(b.reviews.by_district.reduce((n, d) => n + d.due, 0)).toBe(b.reviews.due);
    expect(b.reviews.by_district.reduce((n, d) => n + d.received, 0)).toBe(b.reviews.received);
    // The province officer may read a district's board too.
    expect((await board(province, 'district=610')).scope.code).toBe('610');
    // Targets of the province (as /summary shows them).
    expect(b.targets.length).toBeGreaterThan(0);
    expect(b.targets.every((t) => t.scope.code === '62')).toBe(true);
  });

  it('criteria gained and lost since last month, and the recognised communes at revocation risk, match the review and recognition tables', async () => {
    const codes = await ruralOf('province_code', '62');
    // Make one change of each kind: a recognised commune meeting every criterion loses criterion 5, and a
    // commune missing a criterion gains it.
    const now0 = await masksAt(codes, latest);
    const then0 = await masksAt(codes, addMonths(latest, -1));
    const levels = await levelsAt(codes, latest);
    const full = (1 << 19) - 1;
    const loser = codes.find((c) => levels.has(c) && now0.get(c) === full && then0.get(c) === full)!;
    const gainer = codes.find((c) => !levels.has(c) && ((now0.get(c) ?? full) & (1 << 6)) === 0 && ((then0.get(c) ?? full) & (1 << 6)) === 0)!;
    expect(loser, 'a recognised commune meeting every criterion').toBeDefined();
    expect(gainer, 'a commune missing criterion 7').toBeDefined();
    await db().updateTable('review').set({ met_mask: full & ~(1 << 4), met_count: 18 }).where('commune_code', '=', loser).where('period', '=', latest).execute();
    const gained = now0.get(gainer)! | (1 << 6);
    await db().updateTable('review').set({ met_mask: gained, met_count: bits(gained).length }).where('commune_code', '=', gainer).where('period', '=', latest).execute();
    await ws.ctx.dataChanged({ reviews: [latest] });

    const b = await board(admin, 'province=62');
    const now = await masksAt(codes, latest);
    const then = await masksAt(codes, addMonths(latest, -1));
    for (let n = 1; n <= 19; n++) {
      const bit = 1 << (n - 1);
      const gainedHere = codes.filter((c) => now.has(c) && then.has(c) && now.get(c)! & bit && !(then.get(c)! & bit));
      const lostHere = codes.filter((c) => now.has(c) && then.has(c) && !(now.get(c)! & bit) && then.get(c)! & bit);
      const row = b.changes.criteria.find((c) => c.number === n)!;
      expect(row.gained, `criterion ${n} gained`).toBe(gainedHere.length);
      expect(row.lost, `criterion ${n} lost`).toBe(lostHere.length);
      expect(row.gained_communes.map((c) => c.code).sort()).toEqual(gainedHere.sort());
      expect(row.lost_communes.map((c) => c.code).sort()).toEqual(lostHere.sort());
    }
    expect(b.changes.criteria.find((c) => c.number === 5)!.lost_communes.map((c) => c.code)).toContain(loser);
    expect(b.changes.criteria.find((c) => c.number === 7)!.gained_communes.map((c) => c.code)).toContain(gainer);
    expect(b.changes.gained).toBe(b.changes.criteria.reduce((n, c) => n + c.gained, 0));

    const recognisedNow = await levelsAt(codes, latest);
    const atRisk = codes.filter((c) => recognisedNow.has(c) && now.has(c) && now.get(c) !== full);
    expect(b.at_risk.map((c) => c.code).sort()).toEqual(atRisk.sort());
    const risk = b.at_risk.find((c) => c.code === loser)!;
    expect(risk).toMatchObject({ met: 18, failing: [{ number: 5, failing_since: latest }] });
    for (const c of b.at_risk) expect(c.failing.map((f) => f.number)).toEqual(bits(full & ~now.get(c.code)!));
  });

  it('planned communes due this half-year, with the criteria missing and the criterion completions (lượt tiêu chí) still needed', async () => {
    const province = await ws.official('province', '10');
    const period = '2024-03';
    const b = await board(province, `province=10&period=${period}`);
    expect(b.plans).toMatchObject({ half_year: '2024-H1', from: '2024-01', to: '2024-06' });
    const planned = await db().selectFrom('planned_commune').selectAll().where('due_period', '<=', '2024-06').orderBy('commune_code').execute();
    const inProvince = planned.filter((p) => ws.ctx.units.byCode.get(p.commune_code)?.province === '10');
    expect(inProvince.length).toBeGreaterThan(0);
    expect(b.plans.communes.map((c) => c.code).sort()).toEqual(inProvince.map((p) => p.commune_code).sort());
    const masks = await masksAt(inProvince.map((p) => p.commune_code), period);
    const levels = await levelsAt(inProvince.map((p) => p.commune_code), period);
    let needed = 0;
    for (const p of inProvince) {
      const mask = masks.get(p.commune_code)!;
      const reached = (levels.get(p.commune_code) ?? 0) >= LEVEL_RANK[p.target_level]! || (p.target_level === 'dat_chuan' && mask === (1 << 19) - 1);
      const missing = Array.from({ length: 19 }, (_, i) => i + 1).filter((n) => !((mask >> (n - 1)) & 1));
      const row = b.plans.communes.find((c) => c.code === p.commune_code)!;
      expect(row.missing).toEqual(missing);
      expect(row.criteria_needed, p.commune_code).toBe(reached ? 0 : missing.length);
      needed += reached ? 0 : missing.length;
    }
    expect(b.plans.criteria_needed).toBe(needed);
    // The second half of 2024: the H2 communes, and H1 communes only if they have not reached the standard.
    const h2 = await board(province, 'province=10&period=2024-09');
    expect(h2.plans.half_year).toBe('2024-H2');
    for (const c of h2.plans.communes) expect(c.due_period === '2024-12' || (c.due_period < '2024-07' && c.status !== 'reached'), c.code).toBe(true);
  });

  it('format=xlsx: the same report as a workbook, one sheet per section, Vietnamese headers, figures equal to the direct counts', async () => {
    const res = await admin.request('GET', '/api/v1/admin/board?province=62&format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(XLSX_TYPE);
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="bao-cao-62-${latest}.xlsx"`);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Tiến độ đánh giá', 'Xã chưa nộp', 'Tăng giảm tiêu chí', 'Nguy cơ thu hồi', 'Mục tiêu', 'Xã kế hoạch']);
    const month = `${latest.slice(5, 7)}/${latest.slice(0, 4)}`;
    for (const sheet of workbook.worksheets) {
      const title = String(sheet.getCell(1, 1).value);
      expect(title, sheet.name).toContain('Tỉnh Kon Tum (62)');
      expect(title, sheet.name).toContain(`tháng ${month}`);
      expect(title, sheet.name).toContain('số liệu minh họa');
    }
    const text = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));

    const reviews = workbook.getWorksheet('Tiến độ đánh giá')!;
    expect(text(reviews, 3)).toEqual(['Mã huyện', 'Tên huyện', 'Số xã phải nộp', 'Số xã đã nộp', 'Số xã chưa nộp']);
    const rows: string[][] = [];
    for (let r = 4; r <= reviews.rowCount; r++) rows.push(text(reviews, r));
    const total = rows.at(-1)!;
    expect(total[1]).toBe('Tổng cộng');
    const due = (await ruralOf('province_code', '62')).length;
    const received = await officialCount('province_code', '62', latest);
    expect(total.slice(2).map(Number)).toEqual([due, received, due - received]);
    for (const row of rows.slice(0, -1)) {
      expect(Number(row[2]), row[0]).toBe((await ruralOf('district_code', row[0]!)).length);
      expect(Number(row[3]), row[0]).toBe(await officialCount('district_code', row[0]!, latest));
    }
    const missing = workbook.getWorksheet('Xã chưa nộp')!;
    expect(missing.rowCount - 3).toBe(due - received);

    const json = await board(admin, 'province=62');
    const changes = workbook.getWorksheet('Tăng giảm tiêu chí')!;
    expect(text(changes, 3)[0]).toBe('Tiêu chí số');
    expect(text(changes, changes.rowCount).slice(1, 4)).toEqual(['Tổng cộng', String(json.changes.gained), String(json.changes.lost)]);
    expect(workbook.getWorksheet('Nguy cơ thu hồi')!.rowCount - 3).toBe(json.at_risk.length);
    expect(workbook.getWorksheet('Mục tiêu')!.rowCount - 3).toBe(json.targets.length);

    const lc = await admin.request('GET', '/api/v1/admin/board?province=10&period=2024-03&format=xlsx');
    const lcBook = new ExcelJS.Workbook();
    await lcBook.xlsx.load(await lc.arrayBuffer());
    const plans = lcBook.getWorksheet('Xã kế hoạch')!;
    expect(text(plans, 3)).toContain('Lượt tiêu chí cần hoàn thành');
    const lcJson = await board(admin, 'province=10&period=2024-03');
    expect(Number(plans.getRow(plans.rowCount).getCell(8).value)).toBe(lcJson.plans.criteria_needed);
    expect(plans.rowCount - 4).toBe(lcJson.plans.communes.length);
    expect(String(lcBook.getWorksheet('Tổng hợp')!.getCell(1, 1).value)).toContain('Báo cáo tháng 03/2024 – Tỉnh Lào Cai (10)');
  });

  it('scope: 403 outside the role\'s scope, for JSON and XLSX alike; unknown units and periods 404; bad parameters 400', async () => {
    const district = await ws.official('district', '610');
    const commune = await ws.official('commune', ws.ctx.units.ruralCommunes('610')[0]!);
    const otherProvince = await ws.official('province', '10');
    const refused: Array<[Official, string]> = [
      [district, 'district=611'],
      [district, 'province=62'],
      [district, 'district=611&format=xlsx'],
      [district, 'province=10'],
      [commune, 'district=610'],
      [otherProvince, 'province=62'],
      [otherProvince, 'district=610&format=xlsx'],
    ];
    for (const [who, query] of refused) {
      const res = await who.request('GET', `/api/v1/admin/board?${query}`);
      expect(res.status, query).toBe(403);
      expect(res.headers.get('Content-Disposition')).toBeNull();
      expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden');
    }
    const cases: Array<[string, number, string]> = [
      ['', 400, 'province'],
      ['district=999', 404, 'district'],
      ['province=99', 404, 'province'],
      ['province=62&district=101', 400, 'district'],
      ['province=62&period=2030-01', 404, 'period'],
      ['province=62&period=2024-13', 400, 'period'],
      ['province=62&format=pdf', 400, 'format'],
      [`province=${encodeURIComponent("62' or 1=1 --")}`, 400, 'province'],
    ];
    for (const [query, status, parameter] of cases) {
      const res = await admin.request('GET', `/api/v1/admin/board?${query}`);
      expect(res.status, query).toBe(status);
      expect(((await res.json()) as ErrorBody).error.message, query).toContain(parameter);
    }
    expect((await ws.request('/api/v1/admin/board?province=62')).status).toBe(401);
  });
});
