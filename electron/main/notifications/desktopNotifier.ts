import { Notification } from 'electron';
import type { ApiEventSource } from '../../shared';
import { NotificationPlanner, type Notice } from './notificationPlanner';

/**
 * Shows the planner's notices as desktop notifications; clicking one opens the window. Returns a function that
 * stops (unsubscribes and cancels a pending failure summary).
 */
export function startDesktopNotifier(events: ApiEventSource, options: { openWindow(): void; iconPath?: string }): () => void {
  if (!Notification.isSupported()) return () => undefined;
  const planner = new NotificationPlanner();
  let timer: NodeJS.Timeout | undefined;
  const show = (notices: Notice[]) => {
    for (const notice of notices) {
      const notification = new Notification({ title: notice.title, body: notice.body, ...(options.iconPath && { icon: options.iconPath }) });
      notification.on('click', () => options.openWindow());
      notification.show();
    }
  };
  const scheduleFlush = () => {
    const at = planner.nextFlushAt();
    if (at === undefined || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      show(planner.flushDue(Date.now()));
      scheduleFlush();
    }, Math.max(0, at - Date.now()));
  };
  const unsubscribe = events.subscribe((event) => {
    show(planner.observe(event, Date.now()));
    scheduleFlush();
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
