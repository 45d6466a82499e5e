// The team audit store's benchmarks (8 and 8S): a throwaway PostgreSQL cluster, revokes with and
// without the store, and a 200,000-record log sent, verified and listed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { bin, run, runToFile, rss, median, log, sandbox } from './common.mjs';

/*!
 * A throwaway PostgreSQL cluster for the team audit store (as the tests start one): as root it runs
 * as the postgres user, since initdb refuses root.
 */
export async function postgres() {
  const lib = '/usr/lib/postgresql';
  const version = readdirSync(lib).sort((a, b) => Number(b) - Number(a))[0];
  const pgBin = (tool) => join(lib, version, 'bin', tool);
  const dir = mkdtempSync('/tmp/idk-bench-pg-');
  const asRoot = process.getuid?.() === 0;
  const runAs = (cmd, argv) => {
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...argv], { encoding: 'utf8' })
                     : spawnSync(cmd, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stdout}${r.stderr}`);
  };
  const password = 'bench-pw';
  writeFileSync(join(dir, 'pw'), password + '\n');
  if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  chmodSync(dir, 0o700);
  const port = await new Promise((resolve) => { const srv = createServer().listen(0, '127.0.0.1', () => {
    const p = srv.address().port; srv.close(() => resolve(p)); }); });
  runAs(pgBin('initdb'), ['-D', join(dir, 'data'), '-U', 'admin', '-A', 'scram-sha-256', `--pwfile=${join(dir, 'pw')}`,
                          '-E', 'UTF8', '--locale=C']);
  runAs(pgBin('pg_ctl'), ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
                          '-l', join(dir, 'log'), '-w', 'start']);
  const psql = (db, sql) => {
    const r = spawnSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'admin', '-d', db, '-AtXq', '-c', sql],
                        { env: { ...process.env, PGPASSWORD: password }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
    return r.stdout.trim();
  };
  psql('postgres', 'CREATE DATABASE audit');
  return { url: `postgresql://admin@127.0.0.1:${port}/audit`, password, psql: (sql) => psql('audit', sql),
           stop: () => runAs(pgBin('pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']) };
}

/*! 1,500 revokes with and without the team audit store, and how long a record takes to reach it. */
export async function teamAuditBenchmark(n, count = 1500) {
  const pg = await postgres();
  const without = [], withStore = [], delays = [];
  try {
    for (let i = 0; i < n; i++) {
      for (const store of [false, true]) {
        const sb = await sandbox({ latency: 30 });
        const ids = JSON.parse(run(bin.cli, ['--api-url', sb.url, 'list', sb.org, '--format', 'json']).out)
          .slice(0, count).map((x) => x.id);
        const file = join(mkdtempSync(join(tmpdir(), 'idk-')), 'ids.txt');
        writeFileSync(file, ids.join('\n') + '\n');
        const dataHome = mkdtempSync(join(tmpdir(), 'idk-data-'));
        const storeArgs = store ? ['--audit-url', pg.url] : [];
        const r = run(bin.cli, ['--api-url', sb.url, ...storeArgs, 'revoke', sb.org, '--from-file', file, '--yes',
                                '--rate-budget', '100'], { XDG_DATA_HOME: dataHome, INVITEDESK_AUDIT_PASSWORD: pg.password });
        sb.stop();
        if (r.code !== 0 || r.err.includes('waiting')) throw new Error(`revoke failed: ${r.err}`);
        (store ? withStore : without).push(r.ms);
        if (store) {
          // received is the time of the sending transaction; at is the time the record was written locally.
          const [records, med, worst] = pg.psql(
            "SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received - at)), " +
            "max(extract(epoch FROM received - at)) FROM invitedesk.invitedesk_audit").split('|').map(Number);
          if (records !== 2 * count) throw new Error(`the store holds ${records} records, not ${2 * count}`);
          delays.push({ median_ms: med * 1000, worst_ms: worst * 1000 });
          pg.psql('SET session_replication_role = replica; TRUNCATE invitedesk.invitedesk_audit');
        }
        log(`  run ${i + 1}, ${store ? 'with' : 'without'} the team store: ${(r.ms / 1000).toFixed(2)} s`);
      }
    }
  } finally {
    pg.stop();
  }
  return { count, without_s: median(without) / 1000, with_s: median(withStore) / 1000,
           ratio: median(withStore) / median(without), delay_median_ms: median(delays.map((d) => d.median_ms)),
           delay_worst_ms: Math.max(...delays.map((d) => d.worst_ms)), raw: { without, withStore, delays } };
}

/*!
 * A local audit log of \a count records written straight to a file (as AuditLog would chain them: each
 * record's SHA-256 over its compact, key-sorted JSON without "hash"), and its head file.
 */
function writeAuditLog(dir, count) {
  mkdirSync(dir, { recursive: true });
  const sorted = (o) => '{' + Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(o[k])}`).join(',') + '}';
  let prev = '0'.repeat(64);
  const lines = [];
  for (let seq = 1; seq <= count; seq++) {
    const event = seq % 2 ? 'intent' : 'outcome';
    const r = { email: `person${seq >> 1}@example.com`, event, invitation_id: `orginv_bench_${seq >> 1}`,
                operator: 'bench', organization_id: 'org_bench', organization_name: 'Bench Corp', prev, seq,
                ticket: `SUP-${seq % 97}`, time: new Date(Date.UTC(2026, 10, 1) + seq * 1000).toISOString(), v: 1 };
    if (event === 'outcome') r.outcome = 'revoked';
    const hash = createHash('sha256').update(sorted(r)).digest('hex');
    lines.push(sorted({ ...r, hash }));
    prev = hash;
  }
  writeFileSync(join(dir, 'audit.jsonl'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'audit.jsonl.head'), `${count} ${prev}\n`);
}

/*!
 * 8S. The team store at scale: a 200,000-record log sent with `audit sync`, then `audit verify --audit-url`
 * (every chain, a page at a time, and this log against it) and `audit team --intents --format json`
 * (streamed), each timed with its peak RSS.
 */
export async function teamScaleBenchmark(n, count = 200000) {
  const pg = await postgres();
  try {
    const dataHome = mkdtempSync(join(tmpdir(), 'idk-data-'));
    writeAuditLog(join(dataHome, 'InviteDesk', 'audit'), count);
    const cliEnv = { XDG_DATA_HOME: dataHome, INVITEDESK_AUDIT_PASSWORD: pg.password };
    const sync = run(bin.cli, ['--audit-url', pg.url, 'audit', 'sync'], cliEnv);
    if (sync.code !== 0) throw new Error(`audit sync failed: ${sync.err}`);
    log(`  audit sync of ${count}: ${(sync.ms / 1000).toFixed(2)} s, ${(rss(sync.err) / 1024).toFixed(0)} MB`);
    const verify = [], verifyRss = [], team = [], teamRss = [];
    for (let i = 0; i < n; i++) {
      const v = run(bin.cli, ['--audit-url', pg.url, 'audit', 'verify'], cliEnv);
      if (v.code !== 0) throw new Error(`audit verify failed: ${v.err}`);
      verify.push(v.ms); verifyRss.push(rss(v.err));
      const t = runToFile(bin.cli, ['--audit-url', pg.url, 'audit', 'team', '--intents', '--format', 'json'], cliEnv);
      if (t.code !== 0 || JSON.parse(t.out).length !== count) throw new Error(`audit team failed: ${t.err}`);
      team.push(t.ms); teamRss.push(rss(t.err));
      log(`  run ${i + 1}: verify ${(v.ms / 1000).toFixed(2)} s, team ${(t.ms / 1000).toFixed(2)} s`);
    }
    return { count, sync_s: sync.ms / 1000, sync_rss_mb: rss(sync.err) / 1024,
             verify_s: median(verify) / 1000, verify_rss_mb: median(verifyRss) / 1024,
             team_s: median(team) / 1000, team_rss_mb: median(teamRss) / 1024, raw: { verify, team } };
  } finally {
    pg.stop();
  }
}
