/** @module The share card of a view: a title and a description naming the province, district or commune and its
 * figures at the period, in the link's language, for Open Graph and Twitter meta tags (link unfurlers run
 * no JavaScript, so the server writes them) and for the oEmbed title. It names the era the figures are read
 * in — the criteria set's decision and which units (before or after the July-2025 reform) — and, for a link
 * that named a unit of the other structure, what that unit became. */
import type { ApiContext } from '../context/context.ts';
import type { Level } from '../recognition/standing.ts';
import { atLeast, tallyOf } from '../summary/tally.ts';
import type { ResolvedView } from './view.ts';

/** The share card's title, description and language. */
export interface ShareCard { title: string; description: string; lang: 'vi' | 'en' }

const TEXT = {
  vi: {
    app: 'Bản đồ nông thôn mới', country: 'Việt Nam',
    levels: { chua_dat: 'chưa đạt chuẩn nông thôn mới', dat_chuan: 'đạt chuẩn nông thôn mới', nang_cao: 'đạt chuẩn nông thôn mới nâng cao', kieu_mau: 'đạt chuẩn nông thôn mới kiểu mẫu', hien_dai: 'đạt chuẩn nông thôn mới hiện đại' } as Record<Level, string>,
    era: (decision: string, after: boolean) => `Bộ tiêu chí ${decision}; đơn vị hành chính ${after ? 'sau sắp xếp ngày 1/7/2025 (34 tỉnh, thành)' : 'trước ngày 1/7/2025 (63 tỉnh, thành)'}.`,
    moved: (from: string, to: string, forward: boolean) => (forward ? `${from} → ${to} từ 1/7/2025.` : `${from}: trước 1/7/2025 là ${to}.`),
    commune: (p: string, met: number, n: number, level: string) => `${p}: đạt ${met}/${n} tiêu chí, ${level}.`,
    special: 'Xã đặc biệt khó khăn.',
    notScored: 'Phường, thị trấn: không xét tiêu chí nông thôn mới.',
    noData: 'Chưa có số liệu.',
    scope: (p: string, rec: string, total: string, share: string, avg: string, n: number) =>
      `${p}: ${rec}/${total} xã đạt chuẩn nông thôn mới trở lên (${share}), trung bình ${avg}/${n} tiêu chí mỗi xã.`,
    specialCount: (k: string) => `${k} xã đặc biệt khó khăn.`,
    illustrative: 'Số liệu minh họa, không chính thức.',
    period: (y: number, m: number) => `Tháng ${m}/${y}`,
    locale: 'vi-VN',
  },
  en: {
    app: 'New rural development map', country: 'Viet Nam',
    levels: { chua_dat: 'not yet at the NTM standard', dat_chuan: 'at the NTM standard', nang_cao: 'advanced NTM', kieu_mau: 'model NTM', hien_dai: 'modern NTM (NTM hiện đại)' } as Record<Level, string>,
    era: (decision: string, after: boolean) => `Criteria of ${decision}; ${after ? 'administrative units since 1 July 2025 (34 provinces)' : 'administrative units before 1 July 2025 (63 provinces)'}.`,
    moved: (from: string, to: string, forward: boolean) => (forward ? `${from} is part of ${to} since 1/7/2025.` : `${from} was ${to} before 1/7/2025.`),
    commune: (p: string, met: number, n: number, level: string) => `${p}: ${met} of ${n} criteria met, ${level}.`,
    special: 'Special-difficulty commune.',
    notScored: 'Ward or town: the NTM criteria do not apply.',
    noData: 'No data yet.',
    scope: (p: string, rec: string, total: string, share: string, avg: string, n: number) =>
      `${p}: ${rec} of ${total} rural communes at the NTM standard or above (${share}), ${avg} of ${n} criteria met on average.`,
    specialCount: (k: string) => `${k} special-difficulty communes.`,
    illustrative: 'Illustrative figures, not official.',
    period: (y: number, m: number) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1))),
    locale: 'en-GB',
  },
};

/** The share card of a resolved view: names and figures of its unit at its period, in its language. */
export async function shareCard(ctx: Pick<ApiContext, 'catalogue' | 'eras' | 'status' | 'units'>, view: ResolvedView): Promise<ShareCard> {
  const lang = view.params.map.lang;
  const t = TEXT[lang];
  const scope = view.district ?? view.province;
  // The units of the period's structure (a code means another unit in the other one).
  const units = view.era?.units ?? ctx.units;
  const place = view.commune
    ? [view.commune, ...[view.commune.district, view.commune.province].map((c) => (c ? units.byCode.get(c) : undefined)).filter((u) => u !== undefined)].map((u) => u.name)
    : scope
      ? [scope, ...(view.district ? [view.province] : [])].filter((u) => u !== null).map((u) => u.name)
      : [];
  const title = place.length ? `${place[0]}${place.length > 1 ? ` (${place.slice(1).join(', ')})` : ''} · ${t.app}` : `${t.app} · ${t.country}`;
  if (!view.period) return { title, description: t.noData, lang };

  const period = view.period;
  const when = t.period(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
  const set = ctx.catalogue.setFor(period);
  const n = set?.criteria_count ?? 19;
  const statuses = await ctx.status.at(period);
  const number = (v: number, digits = 0) => new Intl.NumberFormat(t.locale, { maximumFractionDigits: digits }).format(v);
  const parts: string[] = [];
  if (view.moved) parts.push(t.moved(view.moved.from.name, view.moved.to.map((u) => u.name).join(', '), view.moved.forward));
  let illustrative = false;
  if (view.commune) {
    const s = statuses.get(view.commune.code);
    if (!view.commune.rural) parts.push(t.notScored);
    else if (!s) parts.push(t.noData);
    else {
      parts.push(t.commune(when, s.met, n, t.levels[s.level]));
      if (s.special) parts.push(t.special);
      illustrative = s.provenance === 'illustrative' || (s.levelProvenance ?? s.provenance) === 'illustrative';
    }
  } else {
    const tally = tallyOf(units, statuses, period, scope?.code ?? '');
    if (tally.communes === 0) parts.push(t.noData);
    else {
      const recognised = atLeast(tally.levels, 'dat_chuan');
      const share = new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(recognised / tally.communes);
      parts.push(t.scope(when, number(recognised), number(tally.communes), share, number(tally.metSum / tally.communes, 1), n));
      if (tally.special.communes > 0) parts.push(t.specialCount(number(tally.special.communes)));
      illustrative = tally.provenance.reviews.illustrative > 0 || tally.provenance.levels.illustrative > 0;
    }
  }
  if (set && view.era && ctx.eras.structures.length > 1) parts.push(t.era(set.decision, view.era.structure.code !== ctx.eras.structures[0]!.code));
  if (illustrative) parts.push(t.illustrative);
  return { title, description: parts.join(' '), lang };
}
