import { query, request } from './client';
import type { Page, Report, ReportInput } from './types';

export function listReports(cursor: number | null, limit = 20): Promise<Page<Report>> {
  return request('GET', `/api/reports${query({ cursor, limit })}`);
}

export type NewReport = ReportInput & { clientKey: string };

/** `duplicate` is true when a retry carried a clientKey the bot had already saved. */
export function createReport(body: NewReport): Promise<{ report: Report; duplicate: boolean }> {
  return request('POST', '/api/reports', { body });
}

export function updateReport(id: number, body: ReportInput): Promise<{ report: Report }> {
  return request('PUT', `/api/reports/${id}`, { body });
}

export function withdrawReport(id: number): Promise<{ report: Report }> {
  return request('DELETE', `/api/reports/${id}`);
}
