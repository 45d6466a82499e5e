// The peer for benchmark 2: Clerk's official SDK revoking many invitations the way a script does it,
// Promise.all over a pool of workers. The SDK neither paces nor retries, so 429s become failures.
// Usage: node sdk-revoke.mjs API_URL ORG_ID IDS_FILE [WORKERS=50]   (prints a JSON summary)
import { readFileSync } from 'node:fs';
import { createClerkClient } from '@clerk/backend';

const [apiUrl, organizationId, idsFile, workersArg] = process.argv.slice(2);
const ids = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY, apiUrl });
let next = 0, revoked = 0, failed = 0, rateLimited = 0;
const started = performance.now();
async function worker() {
  while (next < ids.length) {
    const invitationId = ids[next++];
    try {
      await clerk.organizations.revokeOrganizationInvitation({ organizationId, invitationId });
      revoked++;
    } catch (error) {
      failed++;
      if (error?.status === 429) rateLimited++;
    }
  }
}
await Promise.all(Array.from({ length: Number(workersArg ?? 50) }, worker));
console.log(JSON.stringify({ ms: performance.now() - started, revoked, failed, rateLimited,
                             peakRssKb: process.resourceUsage().maxRSS }));
