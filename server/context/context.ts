/** @module What the API's routes read: the database and the in-memory stores built from it at start (the kernel below the
 * domain folders: every route and domain module that needs the context imports it from here, never from `api/`). */
import type { BoundaryBuilds } from '../tiles/builds.ts';
import { loadCatalogue, type Catalogue } from '../criterion/catalogue.ts';
import type { NtmDatabase } from '../db/database.ts';
import { loadPeriodStore, type PeriodStore } from '../period/period-store.ts';
import { loadStandings, type StandingStore } from '../recognition/standing.ts';
import { createStatusService, type StatusService } from '../status/status-service.ts';
import type { UnitStore } from '../unit/unit-store.ts';
import { type LineageStore, loadLineage } from '../unit/lineage.ts';
import { type EraStore, loadEras } from '../era/era.ts';
import { WORKSPACE_STRUCTURE } from '../era/workspace-structure.ts';
import { createResponseCache, type ResponseCache } from '../http/response-cache.ts';
import { createChangeFeed, type DataChange } from '../sync/change-feed.ts';
import { createSignInThrottle, type SignInThrottle } from '../auth/throttle.ts';

/** What every route and domain module reads: the database, the eras, units, catalogue, standings and caches built
 * at start. */
export interface ApiContext {
  ndb: NtmDatabase;
  /** The boundary build of each unit structure (archives, per-province TopoJSON, units index). */
  builds: BoundaryBuilds;
  /** The era of every period (its structure with its units, its criteria set): public routes read units here. */
  eras: EraStore;
  /** What each unit was and became across the July-2025 reform. */
  lineage: LineageStore;
  /** The units of the structure the officials' workspace writes in (WORKSPACE_STRUCTURE). */
  units: UnitStore;
  catalogue: Catalogue;
  periods: PeriodStore;
  standings: StandingStore;
  status: StatusService;
  /** Finished public responses; cleared (with `status.invalidate()`) whenever data is written. */
  responses: ResponseCache;
  /** Failed sign-ins per account and address. */
  throttle: SignInThrottle;
  /** Call after a write commits: forgets cached statuses and responses, and re-reads what changed
   * (`reviews`: the months written, so that a new month joins the periods; `recognitions`: the standings);
   * then tells the other app processes on the database (server/sync), which do the same. */
  dataChanged(what?: { reviews?: readonly string[]; recognitions?: boolean }): Promise<void>;
  /** Starts applying the other processes' changes (what `dataChanged` does locally); returns how to stop. */
  followOtherProcesses(): Promise<() => Promise<void>>;
}

/** How the context is set up beyond its database and builds. */
export interface ApiContextOptions {
  /** Bytes of finished public responses kept (default 64 MiB); 0 keeps none. */
  responseCacheBytes?: number;
}

/** Opens the context: loads the in-memory stores from the database and the boundary builds, once at start. */
export async function loadApiContext(ndb: NtmDatabase, builds: BoundaryBuilds, options: ApiContextOptions = {}): Promise<ApiContext> {
  const [catalogue, periods, standings] = await Promise.all([loadCatalogue(ndb.db), loadPeriodStore(ndb.db), loadStandings(ndb.db)]);
  const [eras, lineage] = await Promise.all([loadEras(ndb.db, catalogue), loadLineage(ndb.db)]);
  const units = eras.unitsOf(WORKSPACE_STRUCTURE);
  const status = createStatusService(ndb.db, eras, standings);
  const responses = createResponseCache(options.responseCacheBytes);
  const feed = createChangeFeed(ndb);
  const forget = async (what: DataChange) => {
    // Re-read first, then forget: a request between the two would otherwise cache the old figures again.
    // Re-reading the periods scans every review: only when a write brings a month not known yet.
    if (what.everything || what.reviews?.some((p) => !periods.has(p))) await periods.refresh();
    if (what.everything || what.recognitions) await standings.refresh();
    status.invalidate();
    responses.clear();
  };
  return {
    ndb, builds, eras, lineage, units, catalogue, periods, standings, status, responses,
    throttle: createSignInThrottle(ndb.db),
    async dataChanged(what = {}) {
      await forget(what);
      try {
        await feed.publish(what);
      } catch (error) {
        // The write stands; the other processes (if any) catch up at their next change.
        console.error(`[sync] could not tell the other processes: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    followOtherProcesses: () => feed.follow(forget),
  };
}
