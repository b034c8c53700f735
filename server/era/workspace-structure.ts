/** @module The unit structure the officials' workspace writes in. The workspace still resolves its units in
 * the pre-2025 structure (its scopes, forms and imports); today's units come to it in a later release. Every
 * workspace writer names this constant, so that the day it changes is one edit and a search. */
import type { UnitStructure } from '../db/schema.ts';

/** The structure of every unit code the workspace reads from a request and writes to the database. */
export const WORKSPACE_STRUCTURE: UnitStructure = 'pre2025';
