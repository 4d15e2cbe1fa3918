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

export type PageId = (typeof PAGES)[number]['id'];

/** The page a hash names (`#/folders`), Drop for anything unknown. */
export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return PAGES.find((page) => page.id === id)?.id ?? 'drop';
}
