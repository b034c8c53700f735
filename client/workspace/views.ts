/** @module The workspace's sections, by the name in the URL hash. Each renders into <main> for the signed-in user. */
import type { SignedIn } from '../api/answers.ts';
import { renderReviewList } from './review/review-list.ts';
import { renderReviewForm } from './review/review-form.ts';
import { renderImport } from './import/import-view.ts';
import { renderRecognitions } from './recognition/recognition-view.ts';
import { renderPlans } from './plan/plan-view.ts';
import { renderVillages } from './village/village-view.ts';
import { renderClassifications } from './classification/classification-view.ts';
import { renderBoard } from './board/board-view.ts';
import { renderAudit } from './audit/audit-view.ts';

/** What a view is given: the session, the hash's parts after the view name, and how to go to another hash. */
export interface ViewContext {
  session: SignedIn;
  /** The hash's parts after the view name (e.g. commune and period of #review/03037/2024-06). */
  params: string[];
  go(hash: string): void;
}

/** A view: how it renders into the page's main element, and whether it has a tab. */
export interface View {
  render(main: HTMLElement, ctx: ViewContext): Promise<void> | void;
  /** Not a tab of its own (reached from another view). */
  hidden?: boolean;
}

/** Every view by the name the hash uses (#reviews, #plans, …). */
export const VIEWS = {
  reviews: { render: renderReviewList },
  review: { render: renderReviewForm, hidden: true },
  import: { render: renderImport },
  recognitions: { render: renderRecognitions },
  plans: { render: renderPlans },
  villages: { render: renderVillages },
  classifications: { render: renderClassifications },
  board: { render: renderBoard },
  audit: { render: renderAudit },
} satisfies Record<string, View>;

/** A view's name in the hash. */
export type ViewName = keyof typeof VIEWS;
