// What the API's routes read: the database and the in-memory stores built from it at start.
import type { BuildManifest } from '../../scripts/boundary/build.ts';
import { loadCatalogue, type Catalogue } from '../criterion/catalogue.ts';
import type { NtmDatabase } from '../db/database.ts';
import { loadPeriodStore, type PeriodStore } from '../period/period-store.ts';
import { loadStandings, type StandingStore } from '../recognition/standing.ts';
import { createStatusService, type StatusService } from '../status/status-service.ts';
import { loadUnitStore, type UnitStore } from '../unit/unit-store.ts';
import { createResponseCache, type ResponseCache } from '../http/response-cache.ts';

export interface ApiContext {
  ndb: NtmDatabase;
  manifest: BuildManifest;
  buildDir: string;
  units: UnitStore;
  catalogue: Catalogue;
  periods: PeriodStore;
  standings: StandingStore;
  status: StatusService;
  /** Finished public responses; cleared (with `status.invalidate()`) whenever data is written. */
  responses: ResponseCache;
}

export async function loadApiContext(ndb: NtmDatabase, manifest: BuildManifest, buildDir: string): Promise<ApiContext> {
  const [units, catalogue, periods, standings] = await Promise.all([
    loadUnitStore(ndb.db),
    loadCatalogue(ndb.db),
    loadPeriodStore(ndb.db),
    loadStandings(ndb.db),
  ]);
  return { ndb, manifest, buildDir, units, catalogue, periods, standings, status: createStatusService(ndb.db, units, standings), responses: createResponseCache() };
}
