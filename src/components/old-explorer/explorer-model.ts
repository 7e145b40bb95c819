/*
 * The simulated old explorer's rules, kept apart from the DOM: who the reader is signed in as,
 * which scopes the explorer offered, what the token grants beyond the reader's role, and the page
 * source that had to carry the Global Client Secret.
 */

/** The user the reader plays: allowed to read, nothing more. */
export const READ_ONLY_USER = {
  email: 'riley@acme.example',
  role: 'Read-only support',
  allowed: ['read:clients', 'read:users'],
} as const;

/** The scopes the simulated explorer offers (a slice of the real list, admin ones included). */
export const EXPLORER_SCOPES: ReadonlyArray<{ value: string; description: string }> = [
  { value: 'read:clients', description: 'list applications' },
  { value: 'read:users', description: 'read user profiles' },
  { value: 'update:users', description: 'change user profiles' },
  { value: 'delete:users', description: 'delete users' },
  { value: 'delete:clients', description: 'delete applications' },
  { value: 'create:client_grants', description: 'authorize apps for APIs' },
  { value: 'update:client_grants', description: 'widen any app\'s scopes' },
];

/** Scopes the token grants that the user's role does not allow, in the order ticked. */
export function scopesBeyondRole(ticked: readonly string[], allowed: readonly string[] = READ_ONLY_USER.allowed): string[] {
  return ticked.filter((scope) => !allowed.includes(scope));
}

/** The sentence shown under a freshly minted token. */
export function overreachSentence(ticked: readonly string[], allowed: readonly string[] = READ_ONLY_USER.allowed): string {
  const beyond = scopesBeyondRole(ticked, allowed);
  if (beyond.length === 0) {
    return 'Every scope you ticked is one your role allows. Now tick an admin scope such as delete:clients and ask again: the explorer will not object.';
  }
  return `Your role allows only ${allowed.join(' and ')}, yet this token grants ${beyond.join(', ')}. The explorer never checked.`;
}

/** A "view source" excerpt of the explorer page, as a browser would have received it. */
export function explorerPageSource(domain: string, globalClientId: string, globalClientSecret: string): string {
  return [
    '<!-- management api v2 explorer: an illustration, not the original page\'s code -->',
    '<script>',
    '  // The page signs tokens itself, so it must carry the signing secret.',
    `  window.explorerConfig = {`,
    `    domain: '${domain}',`,
    `    globalClientId: '${globalClientId}',`,
    `    globalClientSecret: '${globalClientSecret}',`,
    '  };',
    '  function mintToken(scopes) {',
    '    // HS256 over { iss, aud: globalClientId, scope, iat }: no exp, and no check of the user\'s role',
    '    return signHS256(claimsFor(scopes), base64Decode(explorerConfig.globalClientSecret));',
    '  }',
    '</script>',
  ].join('\n');
}

/** What a base64 secret decodes to, when that is readable text (the sandbox's says it is fake). */
export function readableSecret(base64: string): string | undefined {
  try {
    const text = atob(base64.replace(/-/g, '+').replace(/_/g, '/'));
    return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
