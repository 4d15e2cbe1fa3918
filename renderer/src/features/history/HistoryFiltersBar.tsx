import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Folder, JobState, Profile } from '../../../../electron/shared';
import { PENDING_JOB_STATES } from '../../../../electron/domain/jobStates';
import type { HistoryFilters } from '../../api/queryKeys';
import { profileLabel } from '../profiles/profileLabel';

const STATUS_OPTIONS: Record<string, JobState[] | undefined> = {
  all: undefined,
  done: ['done'],
  failed: ['failed'],
  cancelled: ['cancelled'],
  skipped: ['skipped'],
  pending: [...PENDING_JOB_STATES],
  awaiting: ['awaiting_approval'],
};

function dayStart(value: string): number | undefined {
  return value ? new Date(`${value}T00:00:00`).getTime() : undefined;
}

function dayEnd(value: string): number | undefined {
  return value ? new Date(`${value}T23:59:59.999`).getTime() : undefined;
}

/** Search, folder, profile, status and date filters. */
export function HistoryFiltersBar({ folders, profiles, initialSearch = '', onChange }: { folders: Folder[]; profiles: Profile[]; initialSearch?: string; onChange: (filters: HistoryFilters) => void }) {
  const [search, setSearch] = useState(initialSearch);
  const [folderId, setFolderId] = useState('');
  const [profileId, setProfileId] = useState('');
  const [status, setStatus] = useState('all');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');

  // Typing waits for a pause before querying; the other filters apply at once.
  const [debouncedSearch, setDebouncedSearch] = useState(initialSearch.trim());
  useEffect(() => {
    const timer = window.setTimeout(() => setDebouncedSearch(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const filters: HistoryFilters = {};
    if (debouncedSearch) filters.search = debouncedSearch;
    if (folderId) filters.folderId = folderId;
    if (profileId) filters.profileId = profileId;
    const states = STATUS_OPTIONS[status];
    if (states) filters.states = states;
    const from = dayStart(since);
    const to = dayEnd(until);
    if (from !== undefined) filters.since = from;
    if (to !== undefined) filters.until = to;
    onChange(filters);
  }, [debouncedSearch, folderId, profileId, status, since, until, onChange]);

  return (
    <div className="filters">
      <label className="search-box">
        <Search size={16} aria-hidden />
        <input type="search" placeholder="Search file names" value={search} onChange={(event) => setSearch(event.target.value)} aria-label="Search file names" />
      </label>
      <select value={folderId} onChange={(event) => setFolderId(event.target.value)} aria-label="Folder">
        <option value="">All folders</option>
        {folders.map((folder) => <option key={folder.id} value={folder.id}>{folder.path.split(/[\\/]/).pop()}</option>)}
      </select>
      <select value={profileId} onChange={(event) => setProfileId(event.target.value)} aria-label="Profile">
        <option value="">All profiles</option>
        {profiles.map((profile) => <option key={profile.id} value={profile.id}>{profileLabel(profile)}</option>)}
      </select>
      <select value={status} onChange={(event) => setStatus(event.target.value)} aria-label="Status">
        <option value="all">Any status</option>
        <option value="done">Done</option>
        <option value="failed">Failed</option>
        <option value="cancelled">Cancelled</option>
        <option value="skipped">Skipped (copies)</option>
        <option value="pending">Pending</option>
        <option value="awaiting">Awaiting approval</option>
      </select>
      <input type="date" value={since} onChange={(event) => setSince(event.target.value)} aria-label="From date" />
      <input type="date" value={until} onChange={(event) => setUntil(event.target.value)} aria-label="To date" />
    </div>
  );
}
