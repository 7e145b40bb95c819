// Decoding is enough to judge a token's shape: no key needed, which is also why a leaked token
// tells a thief exactly what it can do and for how long.
import { decodeJwt, decodeProtectedHeader } from 'jose';

type Flag = 'no-expiry' | 'long-lived' | 'shared-secret' | 'write-scopes';
const tokens = tokenLab.input as string[];
const DAY_SECONDS = 24 * 60 * 60; // iat and exp are seconds since the epoch

function assess(token: string): Flag[] {
  const header = decodeProtectedHeader(token); // alg lives in the header; a payload claim proves nothing
  const claims = decodeJwt(token);
  const flags: Flag[] = [];
  if (claims.exp === undefined) flags.push('no-expiry');
  else if (claims.iat !== undefined && claims.exp - claims.iat > DAY_SECONDS) flags.push('long-lived');
  if (header.alg?.startsWith('HS')) flags.push('shared-secret');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (scopes.some((scope) => !scope.startsWith('read:'))) flags.push('write-scopes');
  return flags;
}

const verdicts = tokens.map(assess);
verdicts.forEach((flags, index) => console.log(`token ${index + 1}:`, flags.join(', ') || 'nothing risky'));
export default verdicts;
