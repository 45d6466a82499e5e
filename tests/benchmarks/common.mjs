// What every InviteDesk benchmark shares: where the binaries are, the command line, how a run is
// timed, and the sandbox (with the TLS + HTTP/2 front) the clients are pointed at.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, openSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const build = process.env.INVITEDESK_BUILD ?? join(root, 'build', 'release');
export const bin = {
  sandbox: join(build, 'src/sandbox/invitedesk-sandbox'),
  cli: join(build, 'src/cli/invitedesk-cli'),
  app: join(build, 'src/app/invitedesk'),
  bench: join(build, 'tests/invitedesk-bench'),
};
export const args = process.argv.slice(2);
export const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
export const quick = args.includes('--quick');
export const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
export const KEY = 'sk_live_InviteDeskSandboxProduction00000000000000';
export const DEV_KEY = 'sk_test_InviteDeskSandboxDevelopment0000000000000';
export const env = { ...process.env, CLERK_SECRET_KEY: KEY, QT_QPA_PLATFORM: 'offscreen', INVITEDESK_REPORT_RSS: '1' };

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
export const rss = (stderr) => Number((/peak-rss-kb (\d+)/.exec(stderr) ?? [])[1] ?? NaN);
export const log = (...a) => console.error(...a);

export function run(cmd, argv, extraEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { env: { ...env, ...extraEnv }, maxBuffer: 1 << 30, encoding: 'utf8' });
  return { ms: performance.now() - t0, code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
}

/*! Like run(), with stdout going to a file, as in `invitedesk-cli list ORG --format json > file`. */
export function runToFile(cmd, argv, extraEnv = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'idk-out-')), 'out.json');
  const fd = openSync(file, 'w');
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { env: { ...env, ...extraEnv }, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  closeSync(fd);
  return { ms, code: r.status, out: readFileSync(file, 'utf8'), err: r.stderr ?? '' };
}

/*!
 * One listing of an organization's pending invitations, timed, by InviteDesk's CLI (\a which 'ours') or by
 * Clerk's SDK ('sdk'), written to a file; throws unless it exits 0 with exactly \a pending rows.
 */
export function listOnce(which, sb, pending, { tls = false, key = KEY } = {}) {
  const r = which === 'ours'
    ? runToFile(bin.cli, ['--api-url', sb.url, ...(tls ? ['--ca-file', sb.ca] : []), 'list', sb.org, '--format', 'json'],
                { CLERK_SECRET_KEY: key })
    : runToFile('node', [join(here, 'sdk-list.mjs'), sb.base, sb.org],
                { CLERK_SECRET_KEY: key, ...(tls ? { NODE_EXTRA_CA_CERTS: sb.ca } : {}) });
  if (r.code !== 0) throw new Error(`${which} list: exit ${r.code}: ${r.err}`);
  const count = JSON.parse(r.out).length;
  if (count !== pending) throw new Error(`${which} list: ${count} rows, not ${pending}`);
  return { ms: r.ms, rssKb: rss(r.err) };
}

const orgIds = new Map();

/*!
 * A sandbox on loopback, asked once for the organization's ID; \a cliEnv is the environment of that CLI
 * call (its data folder, say: the pacer's memory of the sends it leaves in the sandbox's window is there).
 */
export async function sandbox({ latency = 0, pending = 10000, extra = [], cliEnv = {} } = {}) {
  const child = spawn(bin.sandbox, ['--latency-ms', String(latency), '--large-org-pending', String(pending), ...extra],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => { text += d; const m = /listening on (\S+)/.exec(text); if (m) resolve(m[1]); });
    child.on('exit', () => reject(new Error('sandbox exited')));
  });
  // Seeded alike, sandboxes name the organization alike: asked once per seeding, so that the question is
  // not a request in a later sandbox's window that the client measured there does not know of.
  const seeding = JSON.stringify({ pending, extra });
  if (!orgIds.has(seeding))
    orgIds.set(seeding, JSON.parse(run(bin.cli, ['--api-url', url, 'orgs', '--query', 'acme', '--format', 'json'], cliEnv).out)[0].id);
  return { url, base: url.replace(/\/v1$/, ''), org: orgIds.get(seeding), stop: () => child.kill('SIGTERM') };
}

/*!
 * The way Clerk's API is served: TLS with HTTP/2 (nghttpx) in front of a sandbox, with a throwaway CA
 * that both InviteDesk (--ca-file) and the SDK (NODE_EXTRA_CA_CERTS) are told to trust.
 */
export let tlsCa = null;
export function testCa() {
  if (tlsCa) return tlsCa;
  const dir = mkdtempSync(join(tmpdir(), 'idk-ca-'));
  const ssl = (...a) => { const r = spawnSync('openssl', a, { cwd: dir, encoding: 'utf8' });
                          if (r.status !== 0) throw new Error(`openssl ${a[0]}: ${r.stderr}`); };
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj',
      '/CN=InviteDesk Bench CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem',
      '-days', '2', '-extfile', 'server.ext');
  tlsCa = { ca: join(dir, 'ca.pem'), key: join(dir, 'server.key'), cert: join(dir, 'server.pem') };
  return tlsCa;
}

export async function tlsFront(sb, cliEnv = {}) {
  const ca = testCa();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn('nghttpx', ['--conf=/dev/null', `--frontend=127.0.0.1,${port}`,
                                  `--backend=127.0.0.1,${new URL(sb.url).port}`, '--backend-connections-per-host=64',
                                  '--workers=1', '--no-ocsp', ca.key, ca.cert], { stdio: 'ignore' });
  const url = `https://localhost:${port}/v1`;
  for (let i = 0; i < 100; i++) {
    if (run(bin.cli, ['--api-url', url, '--ca-file', ca.ca, 'orgs', '--query', 'acme', '--format', 'json'], cliEnv).code === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, base: url.replace(/\/v1$/, ''), org: sb.org, ca: ca.ca, stop: () => child.kill('SIGTERM') };
}
