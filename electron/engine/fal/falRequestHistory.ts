import { callFal, type FalRoute } from './falDirectCall';

/** A request found in fal's request history. */
export interface FoundRequest {
  readonly requestId: string;
  /** When it ended (null: listed while still in flight, if fal lists such requests at all). */
  readonly endedAt: string | null;
  readonly statusCode: number | null;
}

/** What identifies one submit: the upload URL it carried (unique to that attempt) and its sizes. */
export interface SubmitIdentity {
  readonly endpointId: string;
  readonly imageUrl: string;
  readonly targetSizes: readonly string[];
  /** When the submit was sent (epoch ms): the history is searched from a little before it. */
  readonly sentAt: number;
}

interface HistoryPage {
  readonly items?: ReadonlyArray<{
    request_id?: unknown;
    ended_at?: unknown;
    status_code?: unknown;
    json_input?: { image_url?: unknown; target_sizes?: unknown } | null;
  }>;
  readonly has_more?: unknown;
  readonly next_cursor?: unknown;
}

/** Clocks differ: the search starts this long before our own send time. */
const CLOCK_SLACK_MS = 5 * 60_000;
/** fal's largest page. */
const PAGE_LIMIT = 100;
/** A bound on the pages read in one look-up (10,000 requests since the submit). */
const MAX_PAGES = 100;

/**
 * Looks a submit up in fal's request history (FAL.md, "Request history": `GET api.fal.ai/v1/models/requests/
 * by-endpoint` with `expand=payloads`): the request whose `json_input` carried this upload URL and these sizes.
 * Undefined when none is listed, which is not proof that none exists: fal does not say whether requests still
 * queued or running are listed, so the caller keeps looking for a while. Errors are fal's (ApiError) or the network's.
 */
export async function findSubmittedRequest(route: FalRoute, identity: SubmitIdentity): Promise<FoundRequest | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({
      endpoint_id: identity.endpointId,
      start: new Date(identity.sentAt - CLOCK_SLACK_MS).toISOString(),
      expand: 'payloads',
      limit: String(PAGE_LIMIT),
      ...(cursor !== undefined && { cursor }),
    });
    const answer = await callFal<HistoryPage>(route, { method: 'GET', url: `https://api.fal.ai/v1/models/requests/by-endpoint?${query}` });
    const match = (answer.items ?? []).find((item) => carries(item.json_input, identity));
    if (match && typeof match.request_id === 'string') {
      return {
        requestId: match.request_id,
        endedAt: typeof match.ended_at === 'string' ? match.ended_at : null,
        statusCode: typeof match.status_code === 'number' ? match.status_code : null,
      };
    }
    if (answer.has_more !== true || typeof answer.next_cursor !== 'string') return undefined;
    cursor = answer.next_cursor;
  }
  return undefined;
}

function carries(input: { image_url?: unknown; target_sizes?: unknown } | null | undefined, identity: SubmitIdentity): boolean {
  if (!input || input.image_url !== identity.imageUrl) return false;
  const sizes = Array.isArray(input.target_sizes) ? input.target_sizes : [];
  return sizes.length === identity.targetSizes.length && sizes.every((size, index) => size === identity.targetSizes[index]);
}
