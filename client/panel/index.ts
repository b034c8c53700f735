// The side panel (a bottom sheet on phones): the selected scope's summary, or the selected commune's card.
import type { App } from '../app.ts';

export function mountPanel(_root: HTMLElement, _app: App): void {}
