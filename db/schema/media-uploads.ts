import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Zalo attachment ids of images we uploaded (guide pictures). Zalo forgets them after about a week,
 * so a row older than that is uploaded again. The key includes a hash of the file's bytes, so an
 * edited picture is never sent under an old id.
 */
export const mediaUploads = pgTable('media_uploads', {
  fileKey: text('file_key').primaryKey(),
  attachmentId: text('attachment_id').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
});
