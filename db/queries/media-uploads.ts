import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { mediaUploads } from '../schema/index.ts';

export type MediaUploadRow = typeof mediaUploads.$inferSelect;

export async function findMediaUpload(db: DbOrTx, fileKey: string): Promise<MediaUploadRow | null> {
  const [row] = await db.select().from(mediaUploads).where(eq(mediaUploads.fileKey, fileKey));
  return row ?? null;
}

export async function upsertMediaUpload(db: DbOrTx, row: MediaUploadRow): Promise<void> {
  await db.insert(mediaUploads).values(row).onConflictDoUpdate({ target: mediaUploads.fileKey, set: { attachmentId: row.attachmentId, uploadedAt: row.uploadedAt } });
}

export async function deleteMediaUpload(db: DbOrTx, fileKey: string): Promise<void> {
  await db.delete(mediaUploads).where(eq(mediaUploads.fileKey, fileKey));
}
