// Renders the OpenAPI document as a plain page: one section per operation with its parameters and
// an example request. Hand-written: a docs renderer from a CDN would be a third-party request.
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};
fetch('/api/openapi.json').then((r) => r.json()).then((doc) => {
  const base = doc.servers?.[0]?.url ?? '';
  document.getElementById('intro').replaceChildren(el('p', { textContent: doc.info.description }), el('p', {}, 'Version ', el('code', { textContent: doc.info.version }), ' · document: ', el('a', { href: '/api/openapi.json', textContent: '/api/openapi.json' })));
  const out = document.getElementById('operations');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const section = el('section', {}, el('h2', {}, el('span', { className: 'method', textContent: method.toUpperCase() }), el('code', { textContent: base + path })));
      if (op.summary) section.append(el('p', { textContent: op.summary }));
      if (op.description) section.append(el('p', { textContent: op.description }));
      const params = op.parameters ?? [];
      if (params.length) {
        const table = el('table', {}, el('tr', {}, el('th', { textContent: 'parameter' }), el('th', { textContent: 'in' }), el('th', { textContent: 'description' })));
        for (const p of params) table.append(el('tr', {}, el('td', {}, el('code', { textContent: p.name + (p.required ? '' : '?') })), el('td', { textContent: p.in }), el('td', { textContent: [p.description, p.schema?.pattern ? `pattern ${p.schema.pattern}` : '', p.example ?? p.schema?.example ? `e.g. ${p.example ?? p.schema.example}` : ''].filter(Boolean).join(' · ') })));
        section.append(table);
      }
      const codes = Object.entries(op.responses ?? {}).map(([code, r]) => `${code} ${r.description}`).join('\n');
      section.append(el('pre', { textContent: codes }));
      out.append(section);
    }
  }
}).catch((error) => { document.getElementById('intro').textContent = `Could not load the API document: ${error}`; });
