// Node's net.isIP / isIPv4 / isIPv6: dotted-quad IPv4 without leading zeros, and IPv6 in any
// RFC 4291 text form (`::` compression, a trailing IPv4, an optional `%zone`).

const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const ZONE = /^[0-9a-zA-Z\-.:]+$/;

export function isIPv4(input: unknown): boolean {
  const parts = String(input).split('.');
  return parts.length === 4 && parts.every((part) => DECIMAL_OCTET.test(part) && +part <= 255);
}

/** The number of 16-bit groups a run of `a:b:1.2.3.4` names, or -1 if it is malformed. */
function groupCount(text: string, mayEndWithIPv4: boolean): number {
  if (text === '') return 0;
  const parts = text.split(':');
  let count = 0;
  for (const [index, part] of parts.entries()) {
    if (HEX_GROUP.test(part)) count += 1;
    else if (mayEndWithIPv4 && index === parts.length - 1 && isIPv4(part)) count += 2;
    else return -1;
  }
  return count;
}

export function isIPv6(input: unknown): boolean {
  const text = String(input);
  const percent = text.indexOf('%');
  const address = percent === -1 ? text : text.slice(0, percent);
  if (percent !== -1 && !ZONE.test(text.slice(percent + 1))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return groupCount(address, true) === 8;
  const [head = '', tail = ''] = halves;
  const before = groupCount(head, false);
  const after = groupCount(tail, true);
  // `::` stands for at least one group of zeros.
  return before >= 0 && after >= 0 && before + after <= 7;
}

export function isIP(input: unknown): 0 | 4 | 6 {
  if (isIPv4(input)) return 4;
  return isIPv6(input) ? 6 : 0;
}
