// The headless transport's names, in a module of their own without schemas: the renderer's start-up code needs
// these and nothing else of transport.ts, whose schemas would bring zod into the page's first bundle.

/** HTTP routes of the headless server. */
export const HTTP_ROUTES = {
  call: '/api/call/', // + verb, POST, JSON body = input
  events: '/api/events', // WebSocket
  upload: '/api/upload', // POST, raw bytes, ?name=
  browse: '/api/browse', // GET ?path= lists a folder; POST {parent, name} creates one in it
  output: '/api/output', // GET ?job=&path= downloads one recorded output of a job (see outputFiles.ts)
  zip: '/api/zip', // GET ?job= (repeated) or History's filters: a zip of those jobs' outputs, sizes as folders
} as const;

/** Cookie holding the launch token after the first page load. */
export const TOKEN_COOKIE = 'smart_resize_token';

/** Query parameter carrying the launch token in the printed URL. */
export const TOKEN_QUERY = 'token';
