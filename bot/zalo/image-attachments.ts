import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { deleteMediaUpload, findMediaUpload, upsertMediaUpload } from '../../db/queries/media-uploads.ts';
import type { Clock } from '../clock.ts';
import { guideImagesDir } from '../guides/guide-images.ts';
import type { OaClient } from './oa-client.ts';

/** Zalo's attachment ids expire after about 7 days (docs/platform-facts.md, "Send API"): re-upload a day early. */
const reuseForMs = 6 * 24 * 3600_000;

export type ImageAttachments = {
  /** Zalo's attachment id for a picture, uploading it when there is no fresh one. */
  attachmentFor: (file: string) => Promise<string>;
  /** Zalo said the id expired (-100): forget it so the next attempt uploads again. */
  forget: (file: string) => Promise<void>;
};

/** `oaId`: attachment ids belong to the OA that uploaded the picture, so each OA keeps its own. */
export function createImageAttachments(deps: { db: Db; client: OaClient; clock: Clock; dir?: string; oaId?: string }): ImageAttachments {
  const dir = deps.dir ?? guideImagesDir;
  const read = (file: string) => readFile(path.join(dir, path.basename(file)));
  // The key includes a hash of the picture, so a changed picture is uploaded again. Pictures ship
  // with the code, so each is hashed once per process rather than on every message.
  const keys = new Map<string, string>();
  const keyOf = async (file: string) => {
    const known = keys.get(file);
    if (known) return known;
    const key = `${deps.oaId ? `oa:${deps.oaId}:` : ''}${file}:${createHash('sha256').update(await read(file)).digest('hex').slice(0, 16)}`;
    keys.set(file, key);
    return key;
  };
  return {
    async attachmentFor(file) {
      const key = await keyOf(file);
      const cached = await findMediaUpload(deps.db, key);
      const now = deps.clock.now();
      if (cached && now.getTime() - cached.uploadedAt.getTime() < reuseForMs) return cached.attachmentId;
      const bytes = await read(file);
      const { attachmentId } = await deps.client.uploadImage({ bytes, filename: file, mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg' });
      await upsertMediaUpload(deps.db, { fileKey: key, attachmentId, uploadedAt: now });
      return attachmentId;
    },
    async forget(file) {
      await deleteMediaUpload(deps.db, await keyOf(file));
    },
  };
}
