import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.ts';
import { findZcaSession, setZcaSessionStatus, upsertZcaSession } from '../../../db/queries/zca-sessions.ts';
import type { ZcaSessionRow } from '../../../db/queries/zca-sessions.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';

/** One personal group account per deployment. */
export const zcaAccountKey = 'default';

/** What zca-js needs to log in again without a QR code (zca-js `Credentials`). */
export const zcaCredentialsSchema = z.object({
  imei: z.string().min(1),
  cookie: z.array(z.looseObject({ name: z.string().optional(), key: z.string().optional(), value: z.string() })).min(1),
  userAgent: z.string().min(1),
});
export type ZcaCredentials = z.infer<typeof zcaCredentialsSchema>;

export type ZcaSession = { credentials: ZcaCredentials; ownUid: string | null; displayName: string | null; status: ZcaSessionRow['status'] };

/** Stores the session sealed with the data key; a new login replaces the old one and re-activates it. */
export async function saveZcaSession(
  db: DbOrTx,
  box: SecretBox,
  params: { credentials: ZcaCredentials; ownUid: string | null; displayName: string | null; now: Date },
): Promise<void> {
  await upsertZcaSession(db, {
    accountKey: zcaAccountKey,
    sessionEnc: box.seal(JSON.stringify(params.credentials)),
    ownUid: params.ownUid,
    displayName: params.displayName,
    status: 'active',
    updatedAt: params.now,
  });
}

export async function loadZcaSession(db: DbOrTx, box: SecretBox): Promise<ZcaSession | null> {
  const row = await findZcaSession(db, zcaAccountKey);
  if (!row) return null;
  const credentials = zcaCredentialsSchema.parse(JSON.parse(box.open(row.sessionEnc)));
  return { credentials, ownUid: row.ownUid, displayName: row.displayName, status: row.status };
}

export async function markZcaSessionClosed(db: DbOrTx, params: { status: 'closed_elsewhere' | 'logged_out'; error: string; now: Date }): Promise<void> {
  await setZcaSessionStatus(db, { accountKey: zcaAccountKey, status: params.status, error: params.error, at: params.now });
}
