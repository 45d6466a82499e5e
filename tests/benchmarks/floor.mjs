// 1F. Loading an organization's 10,048 pending invitations (21 pages of 500) at 100 ms latency, beside
// the transport's own floor: curl fetching the same 21 pages as fast as any client could — the first
// page, then the other 20 at once (over HTTP/1.1 on six connections, as Qt opens per host; over TLS +
// HTTP/2 on one multiplexed connection) — and Clerk's SDK, in the same rounds on the same sandbox.
import { KEY, DEV_KEY, median, log, run, listOnce, sandbox, tlsFront } from './common.mjs';

const pageSize = 500;

/*! curl's floor: the first page, then every other page at once; throws unless every page came whole. */
function curlFloor(sb, org, total, { tls }) {
  const url = (offset) => `${sb.url}/organizations/${org}/invitations?limit=${pageSize}&offset=${offset}&status=pending`;
  const common = ['-s', '-f', '-H', `Authorization: Bearer ${KEY}`, ...(tls ? ['--http2', '--cacert', sb.ca] : ['--http1.1'])];
  const t0 = performance.now();
  const first = run('curl', [...common, '-o', '/dev/null', url(0)]);
  const rest = [];
  for (let offset = pageSize; offset < total; offset += pageSize)
    rest.push('-o', '/dev/null', url(offset));
  const others = run('curl', [...common, '--parallel', '--parallel-immediate', '--parallel-max', tls ? '32' : '6', ...rest]);
  const ms = performance.now() - t0;
  if (first.code !== 0 || others.code !== 0) throw new Error(`curl: exit ${first.code}/${others.code}: ${others.err}`);
  return ms;
}

export async function floorBenchmark(n, { tls = false, pending = 10048 } = {}) {
  const backend = await sandbox({ latency: 100, pending });
  const sb = tls ? await tlsFront(backend) : backend;
  const curl = [], ours = [], oursRss = [], sdk = [];
  const order = ['curl', 'ours', 'sdk'];
  for (let i = 0; i < n; i++) {
    for (const which of order.map((_, k) => order[(k + i) % order.length])) { // each goes first in turn
      if (which === 'curl') {
        curl.push(curlFloor(sb, sb.org, pending, { tls }));
        continue;
      }
      const r = listOnce(which, sb, pending, { tls });
      (which === 'ours' ? ours : sdk).push(r.ms);
      if (which === 'ours')
        oursRss.push(r.rssKb);
    }
    log(`  floor${tls ? ' tls' : ''} run ${i + 1}: curl ${curl.at(-1).toFixed(0)} ms, ours ${ours.at(-1).toFixed(0)} ms, ` +
        `SDK ${sdk.at(-1).toFixed(0)} ms`);
  }
  sb.stop();
  if (tls) backend.stop();
  return { pending, curl_ms: median(curl), cli_ms: median(ours), sdk_ms: median(sdk), cli_vs_floor: median(ours) / median(curl),
           cli_rss_mb: median(oursRss) / 1024, raw: { curl, ours, sdk } };
}

/*!
 * The same load with a development key (Clerk allows it 100 requests per 10 s), InviteDesk at its default
 * budget, beside the SDK. Each listing gets a sandbox of its own: one client's requests must not fill the
 * window the next one is measured in.
 */
export async function devLoadBenchmark(n, { pending = 10048 } = {}) {
  const ours = [], sdk = [];
  for (let i = 0; i < n; i++) {
    for (const which of i % 2 ? ['sdk', 'ours'] : ['ours', 'sdk']) {
      const sb = await sandbox({ latency: 100, pending });
      (which === 'ours' ? ours : sdk).push(listOnce(which, sb, pending, { key: DEV_KEY }).ms);
      sb.stop();
    }
    log(`  development key run ${i + 1}: ours ${ours.at(-1).toFixed(0)} ms, SDK ${sdk.at(-1).toFixed(0)} ms`);
  }
  return { pending, cli_ms: median(ours), sdk_ms: median(sdk), sdk_vs_cli: median(sdk) / median(ours), raw: { ours, sdk } };
}

/*! The rows docs/BENCHMARKS.md quotes, for plain HTTP/1.1 (\a F) and TLS + HTTP/2 (\a T). */
export function floorRows(F, T, runs) {
  const f = (x, d = 0) => Number(x).toFixed(d);
  const row = (label, r) => `| 1F | load ${r.pending} pending @100 ms, ${label}: CLI (median of ${runs}) | ${f(r.cli_ms)} ms ` +
    `(**${f(r.cli_vs_floor, 2)}×** the floor), ${f(r.cli_rss_mb, 1)} MB | ${f(r.curl_ms)} ms | ${f(r.sdk_ms)} ms | ≤ 1.10× the floor |`;
  return `| # | measure | InviteDesk | floor (curl) | Clerk's SDK | goal |
|---|---|---|---|---|---|
${row('HTTP/1.1, 6 connections', F)}
${row('TLS + HTTP/2', T)}`;
}
