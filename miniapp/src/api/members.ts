import { request } from './client';
import type { Home, Me, Metric } from './types';

export function getMe(): Promise<Me> {
  return request('GET', '/api/me');
}

export function getMetrics(): Promise<{ metrics: Metric[] }> {
  return request('GET', '/api/metrics');
}

export function getHome(): Promise<Home> {
  return request('GET', '/api/home');
}
