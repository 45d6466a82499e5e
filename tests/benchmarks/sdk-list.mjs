// The peer for benchmark 1: Clerk's official SDK walking an organization's pending invitations the
// way its users write it — getOrganizationInvitationList with limit 500, one page after another.
// Usage: node sdk-list.mjs API_URL ORG_ID   (prints the invitations as JSON, like invitedesk-cli)
import { createClerkClient } from '@clerk/backend';

const [apiUrl, organizationId] = process.argv.slice(2);
const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY, apiUrl });
const all = [];
for (let offset = 0; ; offset += 500) {
  const page = await clerk.organizations.getOrganizationInvitationList({
    organizationId, status: ['pending'], limit: 500, offset,
  });
  all.push(...page.data);
  if (offset + 500 >= page.totalCount) break;
}
process.stdout.write(JSON.stringify(all));
process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
