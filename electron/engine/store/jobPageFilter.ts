import { SmartResizeError } from '../../domain/errors';
import { isJobState } from '../../domain/jobStates';
import { decodeJobCursor } from './jobCursor';
import { MAX_JOB_PAGE, type JobQuery } from './jobRepositories';

/** Where the two dialects differ in a page query: case-blind matching and the keyset comparison's casts. */
export interface JobPageDialect {
  /** `LIKE` ignores ASCII case in SQLite; PostgreSQL needs `ILIKE` for the same. */
  readonly like: 'LIKE' | 'ILIKE';
  /** The (created_at, id) keyset comparison against :cursorAt and :cursorId. */
  readonly cursorComparison: string;
}

/**
 * The WHERE terms and named parameters of one page of History (both stores page the same way, by keyset on
 * (created_at, id)), with the query checked first: a bad limit or an unknown state is refused with a sentence.
 * `limit` is one more than the page, so the store can tell whether a next page exists.
 */
export function jobPageFilter(query: JobQuery, dialect: JobPageDialect): { where: string[]; params: Record<string, string | number> } {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_JOB_PAGE) {
    throw new SmartResizeError('invalid_query', `A page holds 1 to ${MAX_JOB_PAGE} jobs, not ${query.limit}.`);
  }
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: query.limit + 1 };
  if (query.states && query.states.length > 0) {
    const unknown = query.states.find((s) => !isJobState(s));
    if (unknown !== undefined) throw new SmartResizeError('invalid_query', `Unknown job state "${unknown}".`);
    where.push(`state IN (${query.states.map((_, i) => `:state${i}`).join(', ')})`);
    query.states.forEach((state, i) => (params[`state${i}`] = state));
  }
  if (query.folderId !== undefined) {
    where.push('folder_id = :folderId');
    params.folderId = query.folderId;
  }
  if (query.profileId !== undefined) {
    where.push('profile_id = :profileId');
    params.profileId = query.profileId;
  }
  if (query.since !== undefined) {
    where.push('created_at >= :since');
    params.since = query.since;
  }
  if (query.until !== undefined) {
    where.push('created_at < :until');
    params.until = query.until;
  }
  if (query.search) {
    where.push(`(source_name ${dialect.like} :pattern ESCAPE '\\' OR source_path ${dialect.like} :pattern ESCAPE '\\')`);
    params.pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (query.cursor) {
    const cursor = decodeJobCursor(query.cursor);
    where.push(dialect.cursorComparison);
    params.cursorAt = cursor.createdAt;
    params.cursorId = cursor.id;
  }
  return { where, params };
}
