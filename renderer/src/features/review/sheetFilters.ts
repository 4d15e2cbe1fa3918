import type { JobState } from '../../../../electron/shared';
import { isJobState } from '../../../../electron/domain/jobStates';
import type { HistoryFilters } from '../../api/queryKeys';

/** A contact sheet of the jobs History shows with these filters: `#/sheet?folderId=...&states=done,failed`. */
export function contactSheetLink(filters: HistoryFilters): string {
  const params = new URLSearchParams();
  if (filters.search) params.set('search', filters.search);
  if (filters.folderId) params.set('folderId', filters.folderId);
  if (filters.profileId) params.set('profileId', filters.profileId);
  if (filters.states?.length) params.set('states', filters.states.join(','));
  if (filters.since !== undefined) params.set('since', String(filters.since));
  if (filters.until !== undefined) params.set('until', String(filters.until));
  return `#/sheet?${params.toString()}`;
}

/** The filters a contact sheet link carries (unknown or malformed parts are left out). */
export function sheetFiltersFrom(params: URLSearchParams): HistoryFilters {
  const filters: HistoryFilters = {};
  const text = (name: string) => params.get(name) || undefined;
  const time = (name: string) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  if (text('search')) filters.search = text('search');
  if (text('folderId')) filters.folderId = text('folderId');
  if (text('profileId')) filters.profileId = text('profileId');
  const states = (params.get('states') ?? '').split(',').filter(isJobState) as JobState[];
  if (states.length > 0) filters.states = states;
  if (time('since') !== undefined) filters.since = time('since');
  if (time('until') !== undefined) filters.until = time('until');
  return filters;
}
