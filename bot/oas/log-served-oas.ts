import type { Logger } from '../logger.ts';
import type { OaDirectory } from './oa-directory.ts';

/**
 * The start-up line about the OAs a process serves. The list is read once before work starts, so
 * the first delivery does not wait for it; a failed read (Postgres still starting) is said, not
 * swallowed, and the list is read again on first use.
 */
export async function logServedOas(directory: Pick<OaDirectory, 'all'>, logger: Logger, withoutOa: string): Promise<void> {
  let served;
  try {
    served = await directory.all();
  } catch (err) {
    logger.warn({ err }, 'could not read the OA list at start; reading it again on first use');
    return;
  }
  if (served.length === 0) logger.warn(`no OA configured yet (npm run oa:add, or the ZALO_* settings): ${withoutOa}`);
  else logger.info({ oas: served.filter((a) => a.active).length }, 'serving OAs');
}
