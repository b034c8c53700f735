/** @module The recognition levels of every criteria set, in one list. Which levels a period offers is its
 * criteria set's (`CriteriaSet.levels`): 2021-2025 đạt chuẩn < nâng cao < kiểu mẫu; 2026-2030 đạt chuẩn <
 * NTM hiện đại. A commune's recognitions all belong to one structure and so to one set's levels, which is
 * why one order serves both. */
import { z } from '@hono/zod-openapi';

/** Every recognition level that can be stored, lowest first within its set. */
export const RECOGNITION_LEVELS = ['dat_chuan', 'nang_cao', 'kieu_mau', 'hien_dai'] as const;
/** A stored recognition level. */
export const RecognitionLevelSchema = z.enum(RECOGNITION_LEVELS);
/** Levels including "not (yet) recognised", in the order a higher recognition wins. */
export const LEVELS_WITH_NONE = ['chua_dat', ...RECOGNITION_LEVELS] as const;
