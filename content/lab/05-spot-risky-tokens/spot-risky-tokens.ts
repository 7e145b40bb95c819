// Goal: for every token in tokenLab.input, say what makes it risky. Each run (and each Check)
// gets a new set of tokens, so the verdicts must come from reading them.
// Flags: 'no-expiry', 'long-lived' (valid more than 24 hours), 'shared-secret' (HS256),
//        'write-scopes' (any scope that does not start with read:).
import { decodeJwt, decodeProtectedHeader } from 'jose';

type Flag = 'no-expiry' | 'long-lived' | 'shared-secret' | 'write-scopes';
const tokens = tokenLab.input as string[];

function assess(token: string): Flag[] {
  const header = decodeProtectedHeader(token);
  const claims = decodeJwt(token);
  const flags: Flag[] = [];
  // TODO: no exp claim at all → 'no-expiry'.
  // TODO: exp - iat over 24 hours → 'long-lived'.
  if (claims.alg === 'HS256') flags.push('shared-secret'); // TODO: is this the right place to read alg?
  // TODO: a scope that is not read:… → 'write-scopes'.
  return flags;
}

const verdicts = tokens.map(assess);
verdicts.forEach((flags, index) => console.log(`token ${index + 1}:`, flags.join(', ') || 'nothing risky'));
export default verdicts;
