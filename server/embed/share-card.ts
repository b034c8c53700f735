// The share card of a view: a title and a description naming the province, district or commune and its
// figures at the period, in the link's language, for Open Graph and Twitter meta tags (link unfurlers run
// no JavaScript, so the server writes them) and for the oEmbed title.
import type { ApiContext } from '../api/context.ts';
import type { Level } from '../recognition/standing.ts';
import { atLeast, tallyOf } from '../summary/tally.ts';
import type { ResolvedView } from './view.ts';

export interface ShareCard { title: string; description: string; lang: 'vi' | 'en' }

const TEXT = {
  vi: {
    app: 'Bản đồ nông thôn mới', country: 'Việt Nam',
    levels: { chua_dat: 'chưa đạt chuẩn nông thôn mới', dat_chuan: 'đạt chuẩn nông thôn mới', nang_cao: 'đạt chuẩn nông thôn mới nâng cao', kieu_mau: 'đạt chuẩn nông thôn mới kiểu mẫu' } as Record<Level, string>,
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
    levels: { chua_dat: 'not yet at the NTM standard', dat_chuan: 'at the NTM standard', nang_cao: 'advanced NTM', kieu_mau: 'model NTM' } as Record<Level, string>,
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

export async function shareCard(ctx: ApiContext, view: ResolvedView): Promise<ShareCard> {
  const lang = view.params.map.lang;
  const t = TEXT[lang];
  const scope = view.district ?? view.province;
  const place = view.commune
    ? [view.commune, ...[view.commune.district, view.commune.province].map((c) => (c ? ctx.units.byCode.get(c) : undefined)).filter((u) => u !== undefined)].map((u) => u.name)
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
    const tally = tallyOf(ctx.units, statuses, period, scope?.code ?? '');
    if (tally.communes === 0) parts.push(t.noData);
    else {
      const recognised = atLeast(tally.levels, 'dat_chuan');
      const share = new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(recognised / tally.communes);
      parts.push(t.scope(when, number(recognised), number(tally.communes), share, number(tally.metSum / tally.communes, 1), n));
      if (tally.special.communes > 0) parts.push(t.specialCount(number(tally.special.communes)));
      illustrative = tally.provenance.reviews.illustrative > 0 || tally.provenance.levels.illustrative > 0;
    }
  }
  if (illustrative) parts.push(t.illustrative);
  return { title, description: parts.join(' '), lang };
}
