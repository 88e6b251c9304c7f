import type { Db, ReadDb } from '../../../db/client.ts';
import type { Clock } from '../../clock.ts';
import type { MiniAppConfig } from '../../config.ts';
import type { AppSessions } from '../../crypto/app-sessions.ts';
import type { GraphClient } from '../../zalo/graph-client.ts';

/** What the Mini App API needs from the process that serves it. */
export type ApiDeps = {
  db: Db;
  /** The dashboard's reads (a read replica when configured); everything else uses `db`. */
  readDb: ReadDb;
  clock: Clock;
  sessions: AppSessions;
  /** Null when no Zalo app is configured: only the development login can work then. */
  graph: GraphClient | null;
  config: MiniAppConfig;
  /** Messages the API causes (a claim tells the resident) go to the queue at once; never throws (the sweeper is the fallback). */
  handOver: (outboxIds: number[]) => Promise<void>;
  /** A signed link to a download (the monthly XLSX): absolute with a public address, else relative to the bot. */
  signedDownload: (path: string, now: Date) => string;
  digestGraceDays: number;
};
