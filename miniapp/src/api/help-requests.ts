import { query, request } from './client';
import type { HelpFilter, HelpRequest, Page } from './types';

export function listHelpRequests(status: HelpFilter, cursor: number | null, limit = 20): Promise<Page<HelpRequest>> {
  return request('GET', `/api/help-requests${query({ status, cursor, limit })}`);
}

export function claimHelpRequest(id: number): Promise<{ request: HelpRequest }> {
  return request('POST', `/api/help-requests/${id}/claim`);
}

export function closeHelpRequest(id: number, note?: string): Promise<{ request: HelpRequest }> {
  return request('POST', `/api/help-requests/${id}/close`, { body: note ? { note } : {} });
}
