import { FolderSync, History, ImageUp, ListChecks, Settings, SlidersHorizontal, Wallet, type LucideIcon } from 'lucide-react';

/** The pages, in sidebar order. */
export const PAGES = [
  { id: 'drop', label: 'Drop', icon: ImageUp },
  { id: 'folders', label: 'Folders', icon: FolderSync },
  { id: 'profiles', label: 'Profiles', icon: SlidersHorizontal },
  { id: 'queue', label: 'Queue', icon: ListChecks },
  { id: 'history', label: 'History', icon: History },
  { id: 'spend', label: 'Spend', icon: Wallet },
  { id: 'settings', label: 'Settings', icon: Settings },
] as const satisfies ReadonlyArray<{ id: string; label: string; icon: LucideIcon }>;

/** Pages reached from another page rather than the sidebar, each shown under its parent's sidebar entry. */
const SUB_PAGES = [
  { id: 'job', label: 'Job', parent: 'history' },
  { id: 'sheet', label: 'Contact sheet', parent: 'history' },
] as const satisfies ReadonlyArray<{ id: string; label: string; parent: (typeof PAGES)[number]['id'] }>;

export type PageId = (typeof PAGES)[number]['id'] | (typeof SUB_PAGES)[number]['id'];

/** The page a hash names (`#/folders`), Drop for anything unknown. */
export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return PAGES.find((page) => page.id === id)?.id ?? SUB_PAGES.find((page) => page.id === id)?.id ?? 'drop';
}

/** A page's name, for headings and status lines. */
export function pageLabel(page: PageId): string {
  return [...PAGES, ...SUB_PAGES].find((candidate) => candidate.id === page)?.label ?? 'the page';
}

/** The sidebar entry a page is shown under: itself, or a sub-page's parent. */
export function sidebarPage(page: PageId): PageId {
  return SUB_PAGES.find((candidate) => candidate.id === page)?.parent ?? page;
}

/** The job view of one job: its outputs at true shape beside the source with each size's frame. */
export function jobViewLink(jobId: string): string {
  return `#/job?${new URLSearchParams({ id: jobId }).toString()}`;
}

/** The query part of a page's hash (`#/history?job=12` -> job=12). */
export function hashParams(hash: string): URLSearchParams {
  const query = hash.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : hash.slice(query + 1));
}

/** A link to History opened on one job, its list narrowed by a search (the job's file name). */
export function historyLink({ job, search }: { job: string; search?: string }): string {
  const params = new URLSearchParams({ job });
  if (search) params.set('search', search);
  return `#/history?${params.toString()}`;
}
