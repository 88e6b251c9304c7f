import { request } from './client';
import type { Guide, GuideSummary } from './types';

export function listGuides(): Promise<{ guides: GuideSummary[] }> {
  return request('GET', '/api/guides');
}

export function getGuide(id: string): Promise<Guide> {
  return request('GET', `/api/guides/${encodeURIComponent(id)}`);
}
