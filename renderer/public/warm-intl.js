// The first Intl formatter a page makes loads ICU's locale data, about 40 ms of CPU here, and History's rows need
// formatters (ui/format.ts) in their very first render. This tiny classic script is deferred like the module
// bundle but arrives long before it, so that load happens while the bundle is still downloading instead of in the
// middle of the first render. Same options as ui/format.ts's date formatters.
new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-1, 'minute');
new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
