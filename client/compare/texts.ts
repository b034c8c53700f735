/** @module The comparison view's words, in both languages (its button and its view share them). */
import { strings } from '../i18n/i18n.ts';

/** The comparison's strings in the page's language. */
export const t = strings({
  vi: {
    open: 'So sánh trước – sau', openTitle: 'So sánh tháng 6/2025 (đơn vị cũ) với một tháng sau 1/7/2025 (đơn vị hiện nay)', close: 'Thoát so sánh',
    before: 'Trước: {period}', after: 'Sau: {period}',
    oldUnits: 'Đơn vị cũ: 63 tỉnh, huyện, xã', newUnits: 'Đơn vị hiện nay: 34 tỉnh, xã (không còn cấp huyện)', oldUnitsShort: 'Đơn vị cũ', newUnitsShort: 'Đơn vị hiện nay',
    communes: '{count} xã được đánh giá (cả nước)', communesIn: '{count} xã được đánh giá ({area})', region: 'So sánh: trước {before}, sau {after}',
    handle: 'Vạch chia giữa bản đồ trước và sau', handleText: 'Bên trái (trước) chiếm {share}',
    metInstead: 'Bên trái tô theo số tiêu chí đạt: tiêu chí được đánh số khác trong bộ tiêu chí mới.',
    attribution: 'Bên trái — {boundaries}', illustrative: 'Số liệu minh họa, không phải chính thức',
  },
  en: {
    open: 'Compare before/after', openTitle: 'Compare June 2025 (former units) with a month after 1/7/2025 (today\'s units)', close: 'Leave the comparison',
    before: 'Before: {period}', after: 'After: {period}',
    oldUnits: 'Former units: 63 provinces, districts, communes', newUnits: 'Today\'s units: 34 provinces, communes (no districts)', oldUnitsShort: 'Former units', newUnitsShort: 'Today\'s units',
    communes: '{count} communes assessed (whole country)', communesIn: '{count} communes assessed ({area})', region: 'Comparison: before {before}, after {after}',
    handle: 'Divide between the maps before and after', handleText: 'The left side (before) takes {share}',
    metInstead: 'The left side is coloured by criteria met: the new set numbers its criteria differently.',
    attribution: 'Left side — {boundaries}', illustrative: 'Illustrative figures, not official',
  },
});
