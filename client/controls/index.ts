// The header's tools beyond the colour mode: search, province and district filter, period, language.
import type { App } from '../app.ts';

export function mountTools(_header: { search: HTMLElement; controls: HTMLElement }, _app: App): void {}
