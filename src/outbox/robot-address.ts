import { isIP } from 'node:net';
import type { Channel } from '../units/unit-contact.entity.js';

/** The robots' public hosts, always allowed for their own channel, and the parameter holding each robot's key. */
export const ROBOT_HOSTS: Record<Exclude<Channel, 'email'>, { host: string; param: string; name: string }> = {
  wecom: { host: 'qyapi.weixin.qq.com', param: 'key', name: '企业微信' },
  dingtalk: { host: 'oapi.dingtalk.com', param: 'access_token', name: '钉钉' },
};

/** A range no robot may be reached in: its English name (logs, lastError) and its Chinese one (API). */
export interface InsideRange {
  name: string;
  chinese: string;
}

const LOOPBACK = { name: 'loopback', chinese: '本机环回地址' };
const LINK_LOCAL = { name: 'link-local', chinese: '链路本地地址' };
const PRIVATE = { name: 'private', chinese: '内网地址' };
const UNIQUE_LOCAL = { name: 'unique-local', chinese: '内网地址（IPv6 唯一本地）' };
const RESERVED = { name: 'reserved or non-public', chinese: '保留或非公网地址' };

/** [first address, prefix length, what it is] of every IPv4 range that is not the public internet. */
const IPV4_RANGES: [string, number, InsideRange][] = [
  ['0.0.0.0', 8, RESERVED],
  ['10.0.0.0', 8, PRIVATE],
  ['100.64.0.0', 10, PRIVATE], // carrier-grade NAT
  ['127.0.0.0', 8, LOOPBACK],
  ['169.254.0.0', 16, LINK_LOCAL], // includes the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12, PRIVATE],
  ['192.0.0.0', 24, RESERVED],
  ['192.0.2.0', 24, RESERVED],
  ['192.88.99.0', 24, RESERVED],
  ['192.168.0.0', 16, PRIVATE],
  ['198.18.0.0', 15, RESERVED],
  ['198.51.100.0', 24, RESERVED],
  ['203.0.113.0', 24, RESERVED],
  ['224.0.0.0', 4, RESERVED], // multicast
  ['240.0.0.0', 4, RESERVED], // reserved and broadcast
];

function ipv4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function insideIpv4(ip: string): InsideRange | null {
  const n = ipv4Number(ip);
  for (const [base, bits, range] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = ipv4Number(base);
    if (n >= start && n < start + size) return range;
  }
  return null;
}

/** An IPv6 address as its eight 16-bit groups (an embedded dotted IPv4 tail is read too). */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = ipv4Number(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === null ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((g) => parseInt(g, 16));
}

function embeddedIpv4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function insideIpv6(ip: string): InsideRange | null {
  const g = ipv6Groups(ip);
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && g[7] === 1) return LOOPBACK;
  if (zeroUpTo(5) && g[5] === 0xffff) return insideIpv4(embeddedIpv4(g[6], g[7])); // IPv4-mapped ::ffff:a.b.c.d
  if (zeroUpTo(6)) return RESERVED; // unspecified and the old IPv4-compatible form
  if (g[0] === 0x64 && g[1] === 0xff9b && zeroUpTo(0) && g.slice(2, 6).every((x) => x === 0)) return insideIpv4(embeddedIpv4(g[6], g[7])); // NAT64
  if (g[0] === 0x2002) return insideIpv4(embeddedIpv4(g[1], g[2])) ?? null; // 6to4 carries an IPv4 address
  if ((g[0] & 0xfe00) === 0xfc00) return UNIQUE_LOCAL;
  if ((g[0] & 0xffc0) === 0xfe80) return LINK_LOCAL;
  if ((g[0] & 0xffc0) === 0xfec0) return PRIVATE; // old site-local
  if (g[0] === 0x2001 && g[1] === 0x0db8) return RESERVED; // documentation
  if (g[0] === 0x2001 && g[1] === 0) return RESERVED; // Teredo
  if ((g[0] & 0xe000) !== 0x2000) return RESERVED; // outside global unicast 2000::/3 (multicast, discard…)
  return null;
}

/** The range an IP address lies in when it is not a public internet address; null for a public one or a name. */
export function insideRange(address: string): InsideRange | null {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 4) return insideIpv4(ip);
  if (family === 6) return insideIpv6(ip);
  return null;
}

/** A host name that always means this machine or its own network, whatever DNS says. */
export function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || !name.includes('.');
}

/** Why a robot address is refused, in English (logs, lastError) and Chinese (API); null when it may be used. */
export interface RobotAddressProblem {
  english: string;
  chinese: string;
}

/**
 * Whether a webhook URL may be used for a robot of this channel: https, and a host that is the channel's robot host or
 * one named in WEBHOOK_ALLOWED_HOSTS; never an inside address (loopback, link-local, private, unique-local, reserved)
 * in any spelling (the URL parser turns decimal and hex IPv4 forms into dotted ones, and IPv4-mapped IPv6 is read).
 */
export function robotAddressProblem(channel: Exclude<Channel, 'email'>, url: URL, allowedHosts: readonly string[]): RobotAddressProblem | null {
  if (url.protocol !== 'https:') {
    return { english: `not https (${url.protocol})`, chinese: `群机器人地址必须以 https:// 开头（收到 ${url.protocol}//）` };
  }
  const host = url.hostname.toLowerCase();
  const inside = insideRange(host);
  if (inside) return { english: `${host} is a ${inside.name} address`, chinese: `“${host}”是${inside.chinese}，不能作为群机器人地址` };
  if (isIP(host.replace(/^\[|\]$/g, '')) === 0 && isLocalName(host)) {
    return { english: `${host} names this machine or its network`, chinese: `“${host}”指向本机或内网，不能作为群机器人地址` };
  }
  const own = ROBOT_HOSTS[channel];
  if (host === own.host || allowedHosts.includes(host)) return null;
  const other = Object.entries(ROBOT_HOSTS).find(([c, h]) => c !== channel && h.host === host);
  if (other) return { english: `${host} is the ${other[0]} robot host`, chinese: `这是${other[1].name}机器人的地址（${host}），渠道应选 ${other[0]}` };
  return {
    english: `${host} is neither ${own.host} nor in WEBHOOK_ALLOWED_HOSTS`,
    chinese: `主机“${host}”不是${own.name}机器人的地址（${own.host}），也未在 WEBHOOK_ALLOWED_HOSTS 中允许`,
  };
}
