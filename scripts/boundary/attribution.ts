/** @module Who the boundaries of each unit structure come from, as a map shows it (archive metadata, map
 * attribution). No imports beyond a type, so that the server and the client can use it as well. */
import type { UnitStructure } from '../../server/db/schema.ts';

/** The map attribution of each structure's boundaries, in Vietnamese (the archive's) and English. */
export const BOUNDARY_ATTRIBUTIONS: Record<UnitStructure, { vi: string; en: string }> = {
  pre2025: {
    vi: 'Ranh giới: GSO (mã 01/03/2025), censusVN2009 (MIT), dvhcvn (GPL-3.0) · NTM Map',
    en: 'Boundaries: GSO (codes of 01/03/2025), censusVN2009 (MIT), dvhcvn (GPL-3.0) · NTM Map',
  },
  '2025-07': {
    vi: 'Ranh giới: Bản đồ hành chính Việt Nam (sapnhap.bando.com.vn), NXB Tài nguyên – Môi trường và Bản đồ Việt Nam; mã và tên: NSO, qua thanglequoc/vietnamese-provinces-database (MIT) · NTM Map',
    en: 'Boundaries: Vietnam Administrative Units Reference Map (sapnhap.bando.com.vn), Vietnam Natural Resources, Environment and Cartography Publishing House; codes and names: NSO, via thanglequoc/vietnamese-provinces-database (MIT) · NTM Map',
  },
};
