// Runs every InviteDesk benchmark beside Clerk's official JS SDK on the same local sandbox, in the
// same run, and prints medians and ratios. Not part of the test suite: timings belong here.
// Usage: tests/benchmarks/run.sh [--runs N] [--quick] [--only issue32|revoke|floor|team-audit|team-scale|scale|instance|stalls]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { here, bin, runs, quick, only, KEY, DEV_KEY, env, median, rss, log, run, runToFile, listOnce, sandbox, tlsFront } from './common.mjs';
import { teamAuditBenchmark, teamScaleBenchmark } from './team.mjs';
import { floorBenchmark, floorRows, devLoadBenchmark } from './floor.mjs';

const results = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: +(totalmem() / 2 ** 30).toFixed(1),
                             kernel: release(), node: process.version }, runs, date: new Date().toISOString() };

// 1. Loading ~10,000 pending invitations at 100 ms latency.
async function loadBenchmark(pending, label, n, { tls = false } = {}) {
  const backend = await sandbox({ latency: 100, pending });
  const sb = tls ? await tlsFront(backend) : backend;
  const ours = [], sdk = [], oursRss = [], sdkRss = [];
  for (let i = 0; i < n; i++) {
    for (const which of i % 2 ? ['sdk', 'ours'] : ['ours', 'sdk']) {
      const r = listOnce(which, sb, pending, { tls });
      (which === 'ours' ? ours : sdk).push(r.ms);
      (which === 'ours' ? oursRss : sdkRss).push(r.rssKb);
    }
    log(`  ${label} run ${i + 1}: ours ${ours.at(-1).toFixed(0)} ms, SDK ${sdk.at(-1).toFixed(0)} ms`);
  }
  const gui = [];
  for (let i = 0; i < n && !tls; i++)
    gui.push(JSON.parse(run(bin.bench, ['gui-load', '--api-url', sb.url]).out.trim().split('\n').pop()));
  sb.stop();
  if (tls) backend.stop();
  return { pending, cli_ms: median(ours), sdk_ms: median(sdk), ratio: median(sdk) / median(ours),
           cli_rss_mb: median(oursRss) / 1024, sdk_rss_mb: median(sdkRss) / 1024,
           gui_load_ms: median(gui.map((g) => g.load_ms)), gui_rss_mb: median(gui.map((g) => g.peak_rss_kb)) / 1024,
           gui_max_stall_ms: Math.max(...gui.map((g) => g.max_stall_ms)),
           gui_stall_median_ms: median(gui.map((g) => g.max_stall_ms)), raw: { ours, sdk, gui } };
}

// 2. Revoking N at a 100 % budget, 30 ms latency: 1,500 on a production key (plain HTTP/1.1, and through
// the TLS + HTTP/2 front), 150 on a development key. The floor is Clerk's window: whatever is beyond one
// window's worth waits for the next, 10 s later.
async function revokeBenchmark(n, { tls = false, dev = false, count = 1500, gui: withGui = !quick } = {}) {
  const key = dev ? DEV_KEY : KEY;
  const perWindow = dev ? 100 : 1000;
  const floorS = Math.ceil(count / perWindow - 1) * 10;
  const ours = [], sdk = [], gui = [];
  const withFront = async (cliEnv = {}) => { const backend = await sandbox({ latency: 30, cliEnv });
    const front = tls ? await tlsFront(backend, cliEnv) : backend;
    return { ...front, stop: () => { front.stop(); if (tls) backend.stop(); } }; };
  for (let i = 0; i < n; i++) {
    // Every CLI call of a round is one agent's, on one computer (one data folder): the sandbox's setup
    // query, and the listing that found the IDs just before the revokes, as a support agent's script
    // would do it. Their requests are in the sandbox's window when the revokes start.
    const dataHome = mkdtempSync(join(tmpdir(), 'idk-data-'));
    let sb = await withFront({ XDG_DATA_HOME: dataHome });
    const caArgs = tls ? ['--ca-file', sb.ca] : [];
    const ids = JSON.parse(run(bin.cli, ['--api-url', sb.url, ...caArgs, 'list', sb.org, '--format', 'json'],
                               { XDG_DATA_HOME: dataHome }).out)
      .slice(0, count).map((x) => x.id);
    const file = join(mkdtempSync(join(tmpdir(), 'idk-')), 'ids.txt');
    writeFileSync(file, ids.join('\n') + '\n');
    const r = run(bin.cli, ['--api-url', sb.url, ...caArgs, 'revoke', sb.org, '--from-file', file, '--yes', '--rate-budget', '100'],
                  { XDG_DATA_HOME: dataHome, CLERK_SECRET_KEY: key });
    const lines = r.out.trim().split('\n');
    const revoked = lines.filter((l) => l.split('\t')[2] === 'revoked').length;
    // The CLI says each pause Clerk asked for (once per pause, not per 429 of it).
    const pauses = (r.err.match(/rate limited by Clerk/g) ?? []).length;
    ours.push({ ms: r.ms, revoked, failed: lines.length - revoked, exit: r.code, pauses });
    sb.stop();
    sb = await withFront();
    const s = JSON.parse(run('node', [join(here, 'sdk-revoke.mjs'), sb.base, sb.org, file, '50'],
                             { CLERK_SECRET_KEY: key, ...(tls ? { NODE_EXTRA_CA_CERTS: sb.ca } : {}) }).out);
    sdk.push(s);
    sb.stop();
    if (withGui) {
      sb = await sandbox({ latency: 30 });
      gui.push(JSON.parse(run(bin.bench, ['gui-revoke', '--api-url', sb.url, '--count', String(count)]).out.trim().split('\n').pop()));
      sb.stop();
    }
    log(`  revoke run ${i + 1}: ours ${(r.ms / 1000).toFixed(2)} s (${revoked} revoked, ${pauses} pauses on 429), SDK ${(s.ms / 1000).toFixed(2)} s ` +
        `(${s.revoked} revoked, ${s.failed} failed, ${s.rateLimited} on 429)`);
  }
  return { count, floor_s: floorS, cli_s: median(ours.map((o) => o.ms)) / 1000, cli_failed: Math.max(...ours.map((o) => o.failed)),
           cli_pauses: ours.reduce((sum, o) => sum + o.pauses, 0),
           cli_vs_floor: median(ours.map((o) => o.ms)) / (floorS * 1000),
           sdk_s: median(sdk.map((s) => s.ms)) / 1000, sdk_failed_median: median(sdk.map((s) => s.failed)),
           sdk_revoked_median: median(sdk.map((s) => s.revoked)),
           gui_s: gui.length ? median(gui.map((g) => g.revoke_ms)) / 1000 : null,
           gui_failed: gui.length ? Math.max(...gui.map((g) => g.failed)) : null,
           gui_max_stall_ms: gui.length ? Math.max(...gui.map((g) => g.max_stall_ms)) : null,
           gui_stall_median_ms: gui.length ? median(gui.map((g) => g.max_stall_ms)) : null, raw: { ours, sdk, gui } };
}

async function modelBenchmark(pending) {
  const sb = await sandbox({ latency: 0, pending });
  const m = JSON.parse(run(bin.bench, ['model', '--api-url', sb.url]).out.trim().split('\n').pop());
  sb.stop();
  return m;
}

async function startupBenchmark(n) {
  const paint = [];
  for (let i = 0; i < n; i++) {
    const dataHome = mkdtempSync(join(tmpdir(), 'idk-start-'));
    const t0 = performance.now();
    const child = spawn(bin.app, ['--demo'], { env: { ...env, INVITEDESK_REPORT_STARTUP: '1', XDG_CONFIG_HOME: dataHome,
                                                      XDG_DATA_HOME: dataHome }, stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => child.stdout.on('data', (d) => { if (String(d).includes('first-paint')) resolve(); }));
    paint.push(performance.now() - t0);
    child.kill('SIGKILL');
  }
  const help = [];
  for (let i = 0; i < n * 2; i++) help.push(run(bin.cli, ['--help']).ms);
  return { first_paint_ms: median(paint), cli_help_ms: median(help), raw: { paint, help } };
}

if (only === 'team-audit') {
  log('8. team audit store: revoke 1,500 with and without it (30 ms latency, 100 % budget)');
  const T = await teamAuditBenchmark(quick ? 1 : 3);
  const f = (x, d = 0) => Number(x).toFixed(d);
  console.log(`
| # | measure | InviteDesk | target |
|---|---|---|---|
| 8 | revoke 1,500, CLI, with the team audit store / without (median of ${T.raw.without.length}) | ${f(T.with_s, 2)} s / ${f(T.without_s, 2)} s = ${f(T.ratio, 3)}× | ≤ 1.05× |
| 8 | a record's way from the local log into PostgreSQL (median of run medians / worst record) | ${f(T.delay_median_ms)} ms / ${f(T.delay_worst_ms)} ms | median ≤ 2 s |`);
  process.exit(0);
}

if (only === 'team-scale') {
  log('8S. team audit store at scale: 200,000 records sent, verified and listed');
  const S = await teamScaleBenchmark(quick ? 1 : 3);
  const f = (x, d = 0) => Number(x).toFixed(d);
  console.log(`
| # | measure | InviteDesk | target |
|---|---|---|---|
| 8S | \`audit sync\` of ${S.count} records (one run): time, peak RSS | ${f(S.sync_s, 1)} s, ${f(S.sync_rss_mb)} MB | memory not following the backlog |
| 8S | \`audit verify --audit-url\`, ${S.count} rows (median of ${S.raw.verify.length}): time, peak RSS | ${f(S.verify_s, 2)} s, ${f(S.verify_rss_mb)} MB | ≤ 5 s |
| 8S | \`audit team --intents --format json\`, ${S.count} rows: time, peak RSS | ${f(S.team_s, 2)} s, ${f(S.team_rss_mb)} MB | ≤ 100 MB |`);
  process.exit(0);
}

/*!
 * 7I. The instance view: ~100,000 pending invitations spread over 2,000 organizations, loaded through
 * GET /organization_invitations at 100 ms latency with the production key's default 25 % budget. The
 * floor is the larger of what the pacer must wait (250 requests per 10.25 s) and what the connections
 * allow (pages / requests in flight, one round trip each).
 */
async function instanceBenchmark(n, { tls = false } = {}) {
  const backend = await sandbox({ latency: 100, pending: 0, extra: ['--organizations', '2000', '--organization-pending-max', '99'] });
  const sb = tls ? await tlsFront(backend) : backend;
  const caArgs = tls ? ['--ca-file', sb.ca] : [];
  const cli = [], cliRss = [], gui = [];
  let total = 0, organizations = 0;
  for (let i = 0; i < n; i++) {
    const r = runToFile(bin.cli, ['--api-url', sb.url, ...caArgs, 'list', '--all-orgs', '--format', 'json']);
    const rows = JSON.parse(r.out);
    if (r.code !== 0 || rows.length < 90000) throw new Error(`list --all-orgs: exit ${r.code}, ${rows.length} rows`);
    total = rows.length;
    organizations = new Set(rows.map((x) => x.organization_id)).size;
    cli.push(r.ms);
    cliRss.push(rss(r.err));
    if (!tls)
      gui.push(JSON.parse(run(bin.bench, ['gui-load', '--api-url', sb.url, '--org', 'all']).out.trim().split('\n').pop()));
    log(`  instance${tls ? ' tls' : ''} run ${i + 1}: CLI ${cli.at(-1).toFixed(0)} ms` +
        (gui.length ? `, window ${gui.at(-1).load_ms.toFixed(0)} ms (first rows ${gui.at(-1).first_rows_ms.toFixed(0)} ms)` : ''));
  }
  sb.stop();
  if (tls) backend.stop();
  const pages = Math.ceil(total / 500);
  const inFlight = tls ? 32 : 6;
  const pacingFloor = Math.floor((pages - 1) / 250) * 10250;
  const floor = Math.max(pacingFloor, Math.ceil(pages / inFlight) * 100);
  return { total, organizations, pages, floor_ms: floor, cli_ms: median(cli), cli_vs_floor: median(cli) / floor,
           cli_rss_mb: median(cliRss) / 1024,
           gui_load_ms: gui.length ? median(gui.map((g) => g.load_ms)) : null,
           gui_vs_floor: gui.length ? median(gui.map((g) => g.load_ms)) / floor : null,
           gui_first_rows_ms: gui.length ? median(gui.map((g) => g.first_rows_ms)) : null,
           gui_rss_mb: gui.length ? median(gui.map((g) => g.peak_rss_kb)) / 1024 : null,
           gui_max_stall_ms: gui.length ? Math.max(...gui.map((g) => g.max_stall_ms)) : null,
           gui_stall_median_ms: gui.length ? median(gui.map((g) => g.max_stall_ms)) : null, raw: { cli, cliRss, gui } };
}

/*! 1F alone: the plain-HTTP and TLS loads of 10,048 beside curl's floor and the SDK, in the same rounds. */
if (only === 'floor') {
  log('1F. load 10,048 pending (100 ms latency) beside curl fetching the same pages, and the SDK');
  const F = await floorBenchmark(runs);
  const T = await floorBenchmark(runs, { tls: true });
  console.log(floorRows(F, T, runs));
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `floor-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ F, T }, null, 2));
  process.exit(0);
}

/*! 2 alone: revoking 1,500 at 100 % (HTTP/1.1 with the window's run, then through TLS + HTTP/2), beside the SDK. */
if (only === 'revoke') {
  log('2. bulk revoke 1,500 (production key, 100 % budget, 30 ms latency), and from the window');
  const R = await revokeBenchmark(runs);
  log('2b. the same through TLS + HTTP/2');
  const RT = await revokeBenchmark(runs, { tls: true, gui: false });
  const f = (x, d = 0) => (x == null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
  const cli = (x) => `${f(x.cli_s, 2)} s (${x.raw.ours.map((o) => (o.ms / 1000).toFixed(2)).join(' / ')}), ` +
    `${x.cli_failed} failed, ${x.cli_pauses} pauses on 429`;
  console.log(`| # | measure (median of ${runs}) | InviteDesk | Clerk SDK |
|---|---|---|---|
| 2 | revoke 1,500, 100 % budget, CLI, HTTP/1.1 | ${cli(R)} | ${f(R.sdk_s, 2)} s, ${f(R.sdk_failed_median)} failed |
| 2b | the same through the TLS + HTTP/2 front | ${cli(RT)} | ${f(RT.sdk_s, 2)} s, ${f(RT.sdk_failed_median)} failed |
| 2 | revoke 1,500 from the window, HTTP/1.1 | ${f(R.gui_s, 2)} s (${R.raw.gui.map((g) => (g.revoke_ms / 1000).toFixed(2)).join(' / ')}), ${R.gui_failed} failed | |`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `revoke-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ R, RT }, null, 2));
  process.exit(0);
}

/*!
 * Issue 32's table in one run, each row beside its goal: the loads beside curl's floor and the SDK (plain
 * HTTP/1.1, TLS + HTTP/2, and a development key at its default budget), the revokes of 1,500, and the team
 * store at 200,000 rows. The window's stalls are their own run (--only stalls): they compare two builds.
 */
if (only === 'issue32') {
  log('issue 32: 1F loads (production key, both transports; development key), 2 revokes, 8S team store');
  const F = await floorBenchmark(runs);
  const T = await floorBenchmark(runs, { tls: true });
  const D = await devLoadBenchmark(runs);
  const R = await revokeBenchmark(runs);
  const RT = await revokeBenchmark(runs, { tls: true, gui: false });
  const S = await teamScaleBenchmark(runs);
  const f = (x, d = 0) => (x == null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
  const met = (ok) => (ok ? 'met' : '**not met**');
  const all = (xs, d = 0) => xs.map((x) => f(x, d)).join(' / ');
  const revokeRow = (x, goal) => `${f(x.cli_s, 2)} s (${all(x.raw.ours.map((o) => o.ms / 1000), 2)}), ${x.cli_failed} failed, ` +
    `${x.cli_pauses} × 429 | SDK ${f(x.sdk_s, 2)} s, ${f(x.sdk_failed_median)} failed | ≤ ${goal} s, 0 × 429 | ` +
    met(x.cli_s <= goal && x.cli_pauses === 0 && x.cli_failed === 0);
  console.log(`| issue 32's measure (median of ${runs}) | InviteDesk | floor / SDK | goal | |
|---|---|---|---|---|
| load 10,048 @100 ms, HTTP/1.1, production key | ${f(F.cli_ms)} ms (${all(F.raw.ours)}), ${f(F.cli_rss_mb, 1)} MB | curl ${f(F.curl_ms)} ms: **${f(F.cli_vs_floor, 2)}×**; SDK ${f(F.sdk_ms)} ms | ≤ 1.10× the floor | ${met(F.cli_vs_floor <= 1.10)} |
| the same, TLS + HTTP/2 | ${f(T.cli_ms)} ms (${all(T.raw.ours)}) | curl multiplexing every page ${f(T.curl_ms)} ms: **${f(T.cli_vs_floor, 2)}×**; the issue's floor 771 ms: ${f(T.cli_ms / 771, 2)}× | ≤ 1.10× | ${met(T.cli_vs_floor <= 1.10)} against curl; ${met(T.cli_ms / 771 <= 1.10)} against 771 ms |
| load 10,048, development key, default budget | ${f(D.cli_ms)} ms (${all(D.raw.ours)}) | SDK ${f(D.sdk_ms)} ms: **${f(D.sdk_vs_cli, 2)}×** faster | ≥ 3× the SDK | ${met(D.sdk_vs_cli >= 3)} |
| revoke 1,500 @30 ms, 100 %, HTTP/1.1 | ${revokeRow(R, 13.5)} |
| the same, TLS + HTTP/2 | ${revokeRow(RT, 11.5)} |
| \`audit team --intents --format json\`, ${S.count} rows | ${f(S.team_s, 2)} s, **${f(S.team_rss_mb)} MB** | | ≤ 100 MB | ${met(S.team_rss_mb <= 100)} |
| \`audit verify --audit-url\`, ${S.count} rows | **${f(S.verify_s, 2)} s** (${all(S.raw.verify.map((ms) => ms / 1000), 2)}), ${f(S.verify_rss_mb)} MB | | ≤ 5 s | ${met(S.verify_s <= 5)} |`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `issue32-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
                JSON.stringify({ F, T, D, R, RT, S }, null, 2));
  process.exit(0);
}

/*! 6 alone: the window's longest stalls at 10,000 rows, loading (100 ms latency) and revoking 1,500 (30 ms). */
if (only === 'stalls') {
  log('6. GUI stalls at 10,000: load at 100 ms latency, revoke 1,500 at 30 ms (a fresh sandbox each)');
  const loads = [], revokes = [];
  for (let i = 0; i < runs; i++) {
    let sb = await sandbox({ latency: 100 });
    loads.push(JSON.parse(run(bin.bench, ['gui-load', '--api-url', sb.url]).out.trim().split('\n').pop()));
    sb.stop();
    sb = await sandbox({ latency: 30 });
    revokes.push(JSON.parse(run(bin.bench, ['gui-revoke', '--api-url', sb.url, '--count', '1500']).out.trim().split('\n').pop()));
    sb.stop();
    log(`  stalls run ${i + 1}: load ${loads.at(-1).max_stall_ms.toFixed(1)} ms, revoke ${revokes.at(-1).max_stall_ms.toFixed(1)} ms`);
  }
  const stall = (xs) => `${median(xs.map((x) => x.max_stall_ms)).toFixed(1)} / ${Math.max(...xs.map((x) => x.max_stall_ms)).toFixed(1)} ms`;
  console.log(`| 6 | longest GUI stall loading 10,000, median round / worst round | ${stall(loads)} |
| 6 | longest GUI stall revoking 1,500, median round / worst round | ${stall(revokes)} |`);
  process.exit(0);
}

if (only === 'instance') {
  log('7I. the instance view: ~100,000 pending in 2,000 organizations (100 ms latency, default budget)');
  const g = (x, d = 0) => (x == null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
  const I = await instanceBenchmark(runs);
  const IT = await instanceBenchmark(runs, { tls: true });
  console.log(`| 7I | instance view, ${I.total} pending in ${I.organizations} organizations (${I.pages} pages): window load / first rows (median of ${runs}) | ${g(I.gui_load_ms)} ms (${g(I.gui_vs_floor, 2)}× the ${g(I.floor_ms)} ms floor) / ${g(I.gui_first_rows_ms)} ms |
| 7I | … the window's peak RSS, worst stall median / worst round | ${g(I.gui_rss_mb)} MB, ${g(I.gui_stall_median_ms)} / ${g(I.gui_max_stall_ms)} ms |
| 7I | … \`invitedesk-cli list --all-orgs --format json\`, HTTP/1.1 | ${g(I.cli_ms)} ms (${g(I.cli_vs_floor, 2)}× the ${g(I.floor_ms)} ms floor), ${g(I.cli_rss_mb)} MB |
| 7I | … the same through the TLS + HTTP/2 front | ${g(IT.cli_ms)} ms (${g(IT.cli_vs_floor, 2)}× the ${g(IT.floor_ms)} ms floor), ${g(IT.cli_rss_mb)} MB |`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `instance-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ I, IT }, null, 2));
  process.exit(0);
}

if (only === 'scale') {
  log('7. scale: 100,000 pending (window load, and the proxy on 100,000 rows)');
  const g = (x, d = 0) => (x == null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
  const B = await loadBenchmark(100000, '100k', runs);
  const N = await modelBenchmark(100000);
  console.log(`| 7 | 100,000: GUI load, peak RSS, worst stall | ${g(B.gui_load_ms)} ms, ${g(B.gui_rss_mb)} MB, ${g(B.gui_max_stall_ms)} ms |
| 7 | 100,000: sort, GUI thread median / worst; until in place median / worst | ${g(N.sort_ms_median, 1)} / ${g(N.sort_ms_max, 1)} ms; ${g(N.sort_done_ms_median)} / ${g(N.sort_done_ms_max)} ms |
| 7 | 100,000: filter keystroke, GUI thread median / worst; until in place median / worst | ${g(N.keystroke_ms_median, 1)} / ${g(N.keystroke_ms_max, 1)} ms; ${g(N.keystroke_done_ms_median)} / ${g(N.keystroke_done_ms_max)} ms |`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ B, N }, null, 2));
  process.exit(0);
}

log('1. load ~10,000 pending (100 ms latency)');
results.load10k = await loadBenchmark(10000, '10k', runs);
log('1b. load ~10,000 pending through TLS + HTTP/2 (nghttpx)');
results.load10kTls = await loadBenchmark(10000, '10k tls', runs, { tls: true });
log('2. bulk revoke 1,500 (production key, 100 % budget, 30 ms latency)');
results.revoke1500 = await revokeBenchmark(quick ? 1 : 3);
log('2b. the same through TLS + HTTP/2');
results.revoke1500Tls = await revokeBenchmark(quick ? 1 : 3, { tls: true, gui: false });
log('2c. bulk revoke 150 on a development key (100 per 10 s), 100 % budget');
results.revoke150Dev = await revokeBenchmark(quick ? 1 : 3, { dev: true, count: 150, gui: false });
log('3. client cost (parse + insert, sort, filter) on 10,000');
results.model10k = await modelBenchmark(10000);
log('4. start-up');
results.startup = await startupBenchmark(quick ? 3 : 10);
if (!quick) {
  log('7. scale: 100,000 pending');
  results.load100k = await loadBenchmark(100000, '100k', 3);
  results.model100k = await modelBenchmark(100000);
}

mkdirSync(join(here, 'results'), { recursive: true });
const file = join(here, 'results', `${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
const f = (x, d = 0) => (x == null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
const L = results.load10k, R = results.revoke1500, M = results.model10k, S = results.startup;
const LT = results.load10kTls, RT = results.revoke1500Tls, RD = results.revoke150Dev;
console.log(`
| # | measure | InviteDesk | target | Clerk SDK | ratio |
|---|---|---|---|---|---|
| 1 | load 10,000 pending, CLI (median of ${runs}) | ${f(L.cli_ms)} ms | ≥ 4× faster | ${f(L.sdk_ms)} ms | ${f(L.ratio, 1)}× |
| 1 | load 10,000 pending into the GUI table | ${f(L.gui_load_ms)} ms | | | ${f(L.sdk_ms / L.gui_load_ms, 1)}× |
| 1b | load 10,000 pending, CLI, TLS + HTTP/2 front | ${f(LT.cli_ms)} ms | | ${f(LT.sdk_ms)} ms | ${f(LT.ratio, 1)}× |
| 2 | revoke 1,500, 100 % budget, CLI | ${f(R.cli_s, 2)} s, ${R.cli_failed} failed | ≤ 1.3× the ${R.floor_s} s floor | ${f(R.sdk_s, 2)} s, ${f(R.sdk_failed_median)} failed | ${f(R.cli_vs_floor, 2)}× floor |
| 2b | revoke 1,500, 100 % budget, CLI, TLS + HTTP/2 front | ${f(RT.cli_s, 2)} s, ${RT.cli_failed} failed | ≤ 1.2× the ${RT.floor_s} s floor | ${f(RT.sdk_s, 2)} s, ${f(RT.sdk_failed_median)} failed | ${f(RT.cli_vs_floor, 2)}× floor |
| 2c | revoke 150, development key, 100 % budget, CLI | ${f(RD.cli_s, 2)} s, ${RD.cli_failed} failed | ≤ 1.2× the ${RD.floor_s} s floor | ${f(RD.sdk_s, 2)} s, ${f(RD.sdk_failed_median)} failed | ${f(RD.cli_vs_floor, 2)}× floor |
| 2 | revoke 1,500 from the GUI | ${R.gui_s == null ? '–' : f(R.gui_s, 2) + ' s, ' + R.gui_failed + ' failed'} | ≤ 1.3× the ${R.floor_s} s floor | | |
| 3 | parse + insert + sort 10,000 (CPU) | ${f(M.parse_insert_cpu_ms_median, 1)} ms (parse ${f(M.parse_cpu_ms_median, 1)} on a worker, ${f(M.gui_thread_cpu_ms_median, 1)} on the GUI thread) | ≤ 50 ms | | |
| 3 | sort 10,000 (median / worst column) | ${f(M.sort_ms_median, 1)} / ${f(M.sort_ms_max, 1)} ms | ≤ 16 ms | | |
| 3 | filter keystroke on 10,000 (median / worst) | ${f(M.keystroke_ms_median, 1)} / ${f(M.keystroke_ms_max, 1)} ms | ≤ 16 ms | | |
| 4 | start to first paint, demo, offscreen | ${f(S.first_paint_ms)} ms | ≤ 400 ms | | |
| 4 | invitedesk-cli --help | ${f(S.cli_help_ms, 1)} ms | ≤ 30 ms | | |
| 5 | peak RSS, GUI with 10,000 | ${f(L.gui_rss_mb, 1)} MB | ≤ 100 MB | | |
| 5 | peak RSS, CLI listing 10,000 | ${f(L.cli_rss_mb, 1)} MB | ≤ 40 MB | ${f(L.sdk_rss_mb, 1)} MB | |
| 6 | longest GUI stall while loading 10,000 (median of runs / worst run) | ${f(L.gui_stall_median_ms)} / ${f(L.gui_max_stall_ms)} ms | ≤ 50 ms | | |
| 6 | longest GUI stall while revoking 1,500 (median of runs / worst run) | ${f(R.gui_stall_median_ms)} / ${f(R.gui_max_stall_ms)} ms | ≤ 50 ms | | |`);
if (results.load100k) {
  const B = results.load100k, N = results.model100k;
  console.log(`| 7 | 100,000: CLI load / SDK load | ${f(B.cli_ms)} ms | | ${f(B.sdk_ms)} ms | ${f(B.ratio, 1)}× |
| 7 | 100,000: GUI load, RSS, worst stall | ${f(B.gui_load_ms)} ms, ${f(B.gui_rss_mb)} MB, ${f(B.gui_max_stall_ms)} ms | | | |
| 7 | 100,000: CLI RSS / SDK RSS | ${f(B.cli_rss_mb)} MB | | ${f(B.sdk_rss_mb)} MB | |
| 7 | 100,000: parse+insert+sort CPU (GUI thread part), sort median / worst, keystroke median / worst | ${f(N.parse_insert_cpu_ms_median)} ms (${f(N.gui_thread_cpu_ms_median)} ms), ${f(N.sort_ms_median)} / ${f(N.sort_ms_max)} ms, ${f(N.keystroke_ms_median, 1)} / ${f(N.keystroke_ms_max)} ms | | | |`);
}
console.log(`\nraw results: ${file}`);
