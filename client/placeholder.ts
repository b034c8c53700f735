// Placeholder page until the map client lands: shows what the server reports about its data.
const out = document.getElementById('health');
fetch('/api/v1/health')
  .then((r) => r.json() as Promise<{ communes: number; periods: [string, string] | null; database: string }>)
  .then((h) => {
    if (out) out.textContent = `${h.communes.toLocaleString('vi-VN')} xã/phường/thị trấn · ${h.periods ? `${h.periods[0]} – ${h.periods[1]}` : '—'} · ${h.database}`;
  })
  .catch(() => { if (out) out.textContent = 'API không phản hồi / API not reachable'; });
