import { DeliveryError } from '../domain/outbox/message-transport.ts';
import type { MessageTransport, Via } from '../domain/outbox/message-transport.ts';
import type { GroupSender } from '../zalo/group-sender.ts';
import type { OaServiceRegistry, OaServices } from './oa-services.ts';
import { notSentYet } from '../zalo/delivery-errors.ts';

const noOaRetryMs = 10 * 60_000;

/** Messages of an OA we no longer serve are not sent through another one: they fail, saying why. */
async function servicesFor(registry: OaServiceRegistry, via: Via | undefined): Promise<OaServices> {
  const oaId = via?.oaId ?? null;
  const services = await beforeSending(() => registry.forOa(oaId));
  // A deployment with no OA yet keeps its messages until one is added, as before OAs were data.
  if (!services && (await beforeSending(() => registry.directory.all())).length === 0) throw new DeliveryError('retry', 'no OA is configured yet', null, noOaRetryMs);
  if (!services) throw new DeliveryError('final', oaId ? `OA ${oaId} is not served (unknown or disabled)` : 'no OA named and more than one (or none) is served');
  return services;
}

/** Reading the OA list comes before any call to Zalo: its failure (Postgres away) is a plain retry. */
async function beforeSending<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw notSentYet('could not read the OA list', err);
  }
}

/** Residents' messages, each through the OA the resident talks to (the outbox row's `oa_id`). */
export function createRoutedOaTransport(registry: OaServiceRegistry): MessageTransport {
  return {
    async send(userId, content, via) {
      return (await servicesFor(registry, via)).oaTransport.send(userId, content, via);
    },
    async findDelivered(query, via) {
      return (await servicesFor(registry, via)).oaTransport.findDelivered(query, via);
    },
  };
}

/** GMF group messages, each through the OA that owns the group. */
export function createRoutedGmfSender(registry: OaServiceRegistry): GroupSender {
  return {
    async send(groupId, content, via) {
      return (await servicesFor(registry, via)).gmf.send(groupId, content, via);
    },
    async findDelivered(query, via) {
      return (await servicesFor(registry, via)).gmf.findDelivered(query, via);
    },
  };
}
