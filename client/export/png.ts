// A PNG of the map as shown, with the title, the legend, the source and the data date drawn in, so that
// an image shared on its own still says what it shows and whether the figures are illustrative.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LegendClass } from '../map/choropleth.ts';

export interface PngContent {
  title: string;
  subtitle: string; // scope and period
  legendTitle: string;
  classes: readonly LegendClass[];
  /** The special-difficulty hatch row, when the hatch is shown. */
  special: { label: string; count: number } | null;
  footer: string[]; // source, date, illustrative notice
}

/** The map canvas's pixels, read right after a render (the WebGL buffer is cleared afterwards). */
function mapPixels(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')!.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

export async function mapPng(map: MapLibreMap, content: PngContent): Promise<Blob> {
  const pixels = await mapPixels(map);
  const scale = window.devicePixelRatio || 1;
  const header = 64 * scale;
  const footer = (16 + 18 * content.footer.length) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = pixels.width;
  canvas.height = pixels.height + header + footer;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(pixels, 0, header);
  ctx.scale(scale, scale);
  const width = canvas.width / scale;
  ctx.fillStyle = '#1d2a33';
  ctx.font = '600 20px system-ui, sans-serif';
  ctx.fillText(content.title, 16, 28);
  ctx.font = '14px system-ui, sans-serif';
  ctx.fillStyle = '#4a5560';
  ctx.fillText(content.subtitle, 16, 50);

  // Legend box in the map's lower-left corner.
  const rowHeight = 18;
  const rows: Array<LegendClass & { hatch?: boolean }> = [...content.classes, ...(content.special ? [{ key: 'special', color: '#ffffff', label: content.special.label, count: content.special.count, hatch: true }] : [])];
  const boxHeight = 28 + rowHeight * rows.length;
  const boxWidth = 290;
  const boxTop = header / scale + pixels.height / scale - boxHeight - 12;
  ctx.fillStyle = 'rgba(255,255,255,0.95)';
  ctx.fillRect(12, boxTop, boxWidth, boxHeight);
  ctx.strokeStyle = '#d8d4ca';
  ctx.strokeRect(12, boxTop, boxWidth, boxHeight);
  ctx.fillStyle = '#1d2a33';
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.fillText(content.legendTitle, 20, boxTop + 18);
  ctx.font = '12px system-ui, sans-serif';
  rows.forEach((c, i) => {
    const y = boxTop + 28 + i * rowHeight;
    ctx.fillStyle = c.color;
    ctx.fillRect(20, y, 14, 11);
    if (c.hatch) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(20, y, 14, 11);
      ctx.clip();
      ctx.strokeStyle = '#3c1450';
      for (let x = 12; x < 40; x += 4) { ctx.beginPath(); ctx.moveTo(x, y + 11); ctx.lineTo(x + 11, y); ctx.stroke(); }
      ctx.restore();
    }
    ctx.strokeStyle = '#9a958a';
    ctx.strokeRect(20, y, 14, 11);
    ctx.fillStyle = '#1d2a33';
    ctx.fillText(c.label, 40, y + 10);
    const count = c.count.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN');
    ctx.fillText(count, 12 + boxWidth - 8 - ctx.measureText(count).width, y + 10);
  });

  ctx.fillStyle = '#4a5560';
  ctx.font = '12px system-ui, sans-serif';
  content.footer.forEach((line, i) => ctx.fillText(line, 16, header / scale + pixels.height / scale + 20 + i * 18, width - 32));
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
