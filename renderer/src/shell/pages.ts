import { lazy, type ComponentType } from 'react';
import type { PageId } from './routes';

// Each page's code is its own chunk, loaded on first visit, so start-up parses the shell only.
const LOADERS: Record<PageId, () => Promise<ComponentType>> = {
  drop: () => import('../features/drop/DropPage').then((module) => module.DropPage),
  folders: () => import('../features/folders/FoldersPage').then((module) => module.FoldersPage),
  profiles: () => import('../features/profiles/ProfilesPage').then((module) => module.ProfilesPage),
  queue: () => import('../features/queue/QueuePage').then((module) => module.QueuePage),
  history: () => import('../features/history/HistoryPage').then((module) => module.HistoryPage),
  spend: () => import('../features/spend/SpendPage').then((module) => module.SpendPage),
  settings: () => import('../features/settings/SettingsPage').then((module) => module.SettingsPage),
  job: () => import('../features/review/JobViewPage').then((module) => module.JobViewPage),
  sheet: () => import('../features/review/ContactSheetPage').then((module) => module.ContactSheetPage),
};

const loading = new Map<PageId, Promise<ComponentType>>();
const loaded = new Map<PageId, ComponentType>();
const chosen = new Map<PageId, ComponentType>();

/** Starts loading a page's code (once) and answers its component. */
export function loadPage(page: PageId): Promise<ComponentType> {
  let promise = loading.get(page);
  if (!promise) {
    promise = LOADERS[page]().then((component) => {
      loaded.set(page, component);
      return component;
    });
    // A failed load may be retried by the next visit.
    promise.catch(() => loading.delete(page));
    loading.set(page, promise);
  }
  return promise;
}

/**
 * The component to render for a page: the page itself when its code is already loaded (the start-up page is loaded
 * before the first render), so React shows it at once instead of a fallback it would then keep on screen for its
 * minimum fallback time; else a lazy wrapper that suspends until the code arrives. The first choice is kept, so a
 * page never remounts because its code finished loading.
 */
export function pageComponent(page: PageId): ComponentType {
  let component = chosen.get(page);
  if (!component) {
    component = loaded.get(page) ?? lazy(async () => ({ default: await loadPage(page) }));
    chosen.set(page, component);
  }
  return component;
}
