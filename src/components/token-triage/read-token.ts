/**
 * Decodes one found token with jose, without verifying it (nothing here knows any key, and a
 * pasted real token must stay unverified and local). Every failure becomes a plain sentence.
 */
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { FoundToken } from './find-tokens.ts';

export type ReadToken =
  | { readonly state: 'decoded'; readonly header: ProtectedHeaderParameters; readonly claims: JWTPayload }
  | { readonly state: 'encrypted'; readonly header: ProtectedHeaderParameters | undefined }
  | { readonly state: 'unreadable'; readonly problem: string };

/** The header and claims of a JWS, or why they cannot be read. */
export function readToken(found: FoundToken): ReadToken {
  switch (found.shape) {
    case 'too-long':
      return { state: 'unreadable', problem: 'It is far longer than any access token, so it was not decoded.' };
    case 'truncated':
      return {
        state: 'unreadable',
        problem:
          'It starts like a token but has fewer than three dot-separated parts: it looks cut off (copied only in part, or wrapped onto the next line). It may also be base64-encoded JSON that is not a token at all.',
      };
    case 'malformed':
      return { state: 'unreadable', problem: 'It has four or more than five dot-separated parts, which no JWT has. Check how it was copied.' };
    case 'jwe':
      return { state: 'encrypted', header: headerOf(found.text) };
    case 'jws':
      return decodeJws(found.text);
  }
}

function decodeJws(token: string): ReadToken {
  const header = headerOf(token);
  if (header === undefined) {
    return { state: 'unreadable', problem: 'Its first part is not base64url-encoded JSON, so it is not a JWT header (or the token was damaged when copied).' };
  }
  try {
    return { state: 'decoded', header, claims: decodeJwt(token) };
  } catch {
    return {
      state: 'unreadable',
      problem: 'Its header reads fine but its middle part (the claims) is not base64url-encoded JSON: the token looks damaged or cut off in the middle.',
    };
  }
}

function headerOf(token: string): ProtectedHeaderParameters | undefined {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}
