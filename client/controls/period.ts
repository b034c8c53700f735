// The period: a month slider over the months that have data, a play/pause button that walks the map
// through time, and a notice when some communes show an earlier month's review (no review that month).
import type { App } from '../app.ts';
import type { Status } from '../api/answers.ts';
import { fetchCriteria } from '../api/criteria.ts';
import { markText, periodMarks } from './period-marks.ts';
import { formatNumber, formatPeriod, onLangChange, strings } from '../i18n/i18n.ts';

const t = strings({
  vi: {
    month: 'Tháng', play: 'Phát lần lượt từng tháng', pause: 'Tạm dừng',
    carried: '{n} xã chưa có đánh giá {period}: bản đồ hiện đánh giá gần nhất trước đó (cũ nhất: {oldest}).',
    carriedShort: '{n} xã hiện đánh giá tháng trước',
  },
  en: {
    month: 'Month', play: 'Play month by month', pause: 'Pause',
    carried: '{n} communes have no review for {period}: the map shows their latest earlier review (oldest: {oldest}).',
    carriedShort: '{n} communes show an earlier month',
  },
});

/** Milliseconds between two months while playing (at least; a month waits for its map to be drawn). */
export const STEP_MS = 700;

/** Every month from the first to the last, inclusive ("2021-01" … "2025-12"). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function mountPeriod(parent: HTMLElement, app: App): void {
  const { store } = app;
  if (!app.health.periods) return; // no data at all: nothing to choose
  const months = monthsBetween(...app.health.periods);
  const last = months.length - 1;
  const indexOf = (period: string | null) => {
    const i = period ? months.indexOf(period) : last;
    return i >= 0 ? i : last;
  };

  const root = document.createElement('div');
  root.className = 'period-control';
  const label = document.createElement('label');
  label.htmlFor = 'period-slider';
  const play = document.createElement('button');
  play.type = 'button';
  play.className = 'play';
  play.id = 'period-play';
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.id = 'period-slider';
  slider.min = '0';
  slider.max = String(last);
  slider.step = '1';
  const output = document.createElement('output');
  output.htmlFor.add('period-slider');
  output.className = 'period-value';
  // The slider on a track that carries the marks of the reform and of the new criteria (period-marks.ts).
  const track = document.createElement('span');
  track.className = 'period-track';
  const marksNote = document.createElement('span');
  marksNote.id = 'period-marks';
  marksNote.className = 'visually-hidden';
  track.append(slider);
  root.append(label, play, track, output, marksNote);
  parent.append(root);
  let marks: ReturnType<typeof periodMarks> = [];
  const renderMarks = () => {
    track.querySelectorAll('.period-mark').forEach((m) => m.remove());
    const shown = marks.filter((m) => months.includes(m.period));
    for (const m of shown) {
      const tick = document.createElement('span');
      tick.className = `period-mark period-mark-${m.kind}`;
      // Over the thumb's centre at that month: the thumb (16 px) travels the track less its own width.
      tick.style.left = `calc(8px + (100% - 16px) * ${months.indexOf(m.period) / Math.max(1, last)})`;
      tick.title = markText(m);
      tick.setAttribute('aria-hidden', 'true');
      track.append(tick);
    }
    marksNote.textContent = shown.map(markText).join('; ');
    if (shown.length) slider.setAttribute('aria-describedby', marksNote.id);
    track.title = marksNote.textContent;
  };
  // The catalogue is the one main.ts reads (the same cached request).
  fetchCriteria()
    .then((catalogue) => {
      marks = periodMarks(app.health, catalogue);
      renderMarks();
    })
    .catch(() => {
      marks = periodMarks(app.health, null);
      renderMarks();
    });
  // The notice lives on the map (top left), so that it never shifts the header while the months play.
  const notice = document.createElement('p');
  notice.className = 'maplibregl-ctrl period-notice';
  notice.hidden = true;
  app.map.addControl({ onAdd: () => notice, onRemove: () => notice.remove() }, 'top-left');

  let playing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expected: string | null = null; // the month the player asked for last
  let steppedAt = 0;

  const render = () => {
    const i = indexOf(store.get().period);
    slider.value = String(i);
    const text = formatPeriod(months[i]!);
    output.textContent = text;
    slider.setAttribute('aria-valuetext', text);
    label.textContent = t('month');
    play.textContent = playing ? '❚❚' : '▶';
    // A toggle button: its name stays, aria-pressed says whether it plays; the tooltip says what a press does.
    play.setAttribute('aria-label', t('play'));
    play.setAttribute('aria-pressed', String(playing));
    play.title = playing ? t('pause') : t('play');
  };
  let lastStatus: Status | null = null;
  const renderNotice = () => {
    const status = lastStatus;
    if (!status || !status.carried) {
      notice.hidden = true;
      return;
    }
    const oldest = status.communes.reduce((min, c) => (c.as_of && c.as_of < min ? c.as_of : min), status.period);
    notice.hidden = false;
    // The whole sentence on wide screens; on phones, where it would cover the map, the short one.
    const long = document.createElement('span');
    long.className = 'long';
    long.textContent = t('carried', { n: formatNumber(status.carried), period: formatPeriod(status.period), oldest: formatPeriod(oldest) });
    const short = document.createElement('span');
    short.className = 'short';
    short.textContent = t('carriedShort', { n: formatNumber(status.carried) });
    short.setAttribute('aria-hidden', 'true');
    notice.replaceChildren('⚠ ', long, short);
  };

  const stop = () => {
    playing = false;
    expected = null;
    clearTimeout(timer);
    render();
  };
  const goTo = (index: number, history: 'push' | 'replace') => {
    expected = months[index]!;
    steppedAt = performance.now();
    store.set({ period: expected }, history);
    timer = setTimeout(tick, STEP_MS);
  };
  // The next month comes once the current one is drawn and has shown for STEP_MS (or after 5 s without it).
  const tick = () => {
    if (!playing) return;
    if (app.status()?.period !== expected && performance.now() - steppedAt < 5_000) {
      timer = setTimeout(tick, 100);
      return;
    }
    const next = indexOf(store.get().period) + 1;
    if (next > last) stop();
    else goTo(next, 'replace');
  };
  // The first step is a history entry of its own, so that back returns to the month before playing; the
  // others replace it. From the last month, play starts again at the first.
  const start = () => {
    playing = true;
    render();
    const i = indexOf(store.get().period);
    goTo(i >= last ? 0 : i + 1, 'push');
  };
  play.addEventListener('click', () => (playing ? stop() : start()));

  // A drag is one step back in history: the first input of a gesture pushes, the rest replace it.
  let gesture = false;
  slider.addEventListener('input', () => {
    if (playing) stop();
    store.set({ period: months[Number(slider.value)]! }, gesture ? 'replace' : 'push');
    gesture = true;
  });
  slider.addEventListener('change', () => {
    gesture = false;
  });

  render();
  store.subscribe((s, p) => {
    if (s.period === p.period) return;
    if (playing && s.period !== expected) stop(); // back/forward or another control changed the month
    render();
  });
  app.onStatus((status) => {
    lastStatus = status;
    renderNotice();
  });
  onLangChange(() => {
    render();
    renderNotice();
    renderMarks();
  });
}
