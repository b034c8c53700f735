// Data the server writes into a page as a JSON data block (`<script type="application/json" id=…>`), read
// once at start so that the page need not ask the API for it. Null when the page was served without it
// (a plain file, as Vite's dev server sends it) or the block is not valid JSON: the page then asks the API.
export function readJsonBlock<T>(id: string): T | null {
  const text = document.getElementById(id)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
