import { lookup } from 'node:dns/promises';
import { request } from 'node:https';

/** What a robot answered: the status and the body (read to learn the errcode; never stored or shown). */
export interface RobotAnswer {
  status: number;
  body: string;
}

/**
 * The robots' way onto the network, the one boundary the webhook transport does not own: name resolution, and a
 * POST to an address that has already been checked. Tests give the app their own at this boundary (a table of
 * names, a loopback receiver); every rule about which addresses may be reached stays in the transport.
 */
export interface RobotNetwork {
  /** Every address the host name resolves to. */
  lookup(host: string): Promise<string[]>;
  /** POSTs the JSON body to `address` (already checked), speaking to it as url's host (TLS name, Host header). */
  post(address: string, url: URL, body: string, timeoutMs: number): Promise<RobotAnswer>;
}

/** Largest answer read from a robot; theirs are a few dozen bytes of JSON. */
const MAX_ANSWER = 64 * 1024;

/** The real network: the system resolver, and HTTPS to the checked address (the name is kept for TLS and Host). */
export const systemNetwork: RobotNetwork = {
  async lookup(host) {
    return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  },
  post(address, url, body, timeoutMs) {
    return new Promise<RobotAnswer>((resolve, reject) => {
      const req = request(
        {
          // Connect to the checked address only: lookup answers it, so no second resolution can change it.
          host: url.hostname,
          lookup: (_host, options, callback) => {
            const family = address.includes(':') ? 6 : 4;
            if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
            else callback(null, address, family);
          },
          port: url.port ? Number(url.port) : 443,
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          servername: url.hostname,
          headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_ANSWER) chunks.push(chunk);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('no answer in time'), { name: 'TimeoutError' })));
      req.on('error', reject);
      req.end(body);
    });
  },
};

/** Injection token for the RobotNetwork. */
export const ROBOT_NETWORK = Symbol('ROBOT_NETWORK');
