import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Creates an empty database on the test cluster at `clusterUrl` and resolves a URL to it: what a team's instances
 * are pointed at (`--store`), so a test's processes share it and nothing of another test.
 */
export async function freshDatabase(clusterUrl: string): Promise<string> {
  const name = `team_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
