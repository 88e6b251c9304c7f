import type { Tx } from '../../../db/client.ts';
import { beginResidentTurn } from '../../../db/queries/resident-turns.ts';
import type { ResidentTurnStart } from '../../../db/queries/resident-turns.ts';

export type { ResidentTurnStart };

/**
 * A resident's message starts a turn: the resident is found or created behind their OA-scoped id
 * (and locked until the turn commits), their interaction time recorded (it opens Zalo's reply
 * windows), and what the turn needs read in one statement: their commune (the one their OA
 * serves), the unfinished exchange, the guide in progress, the request awaiting their confirmation.
 */
export function startResidentTurn(tx: Tx, p: { oaId: string; zaloUserId: string; at: Date; communeCode: string; doneSince: Date }): Promise<ResidentTurnStart> {
  return beginResidentTurn(tx, p);
}
