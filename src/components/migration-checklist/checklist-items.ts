/**
 * The printable checklist that closes the "Migrate your services" runbook, as data: one group per
 * runbook section, in the runbook's order. Kept out of the MDX so the page holds no logic and a test
 * can hold the list to the page's section ids.
 */

/** The runbook's section ids, in order. The token triage tool links to these exact ids. */
export const RUNBOOK_SECTIONS = ['inventory', 'replace', 'verify', 'decommission', 'watch'] as const;
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[number];

export interface ChecklistGroup {
  readonly section: RunbookSection;
  readonly title: string;
  /** One line each; text between backticks is shown as code. */
  readonly items: readonly string[];
}

export const MIGRATION_CHECKLIST: readonly ChecklistGroup[] = [
  {
    section: 'inventory',
    title: 'Inventory',
    items: [
      'Searched repositories, `.env` files, CI secrets, Terraform and Deploy CLI settings and scripts for `eyJ`, `api_token` and `AUTH0_…TOKEN`',
      'Decoded each token found (locally) and noted its kind: hand-signed, raised Token Expiration, or ordinary',
      'Listed every service that calls the Management API, from the code and from the tenant logs',
    ],
  },
  {
    section: 'replace',
    title: 'Replace',
    items: [
      'One machine-to-machine application per service',
      'Each client grant holds only the scopes that service calls',
      'Each service uses an SDK client or a token cache, made once per process',
      'Client secrets live in a secret store, never in code or images',
      'Terraform and Deploy CLI use `client_id` / `client_secret` (or a private key), not a token',
    ],
  },
  {
    section: 'verify',
    title: 'Verify',
    items: [
      'Each service gets a token and its calls succeed with its own scopes',
      'A call outside its scopes fails with `403 insufficient_scope`',
      'No old token is left in any configuration',
    ],
  },
  {
    section: 'decommission',
    title: 'Decommission',
    items: [
      'Global Client Secret rotated (after checking what still depends on it)',
      'No step relies on the token denylist (unconfirmed on a real tenant)',
      'Management API Token Expiration back to 86,400 seconds',
      'The API Explorer test application narrowed or deleted',
    ],
  },
  {
    section: 'watch',
    title: 'Watch',
    items: [
      'Token requests (`seccft`) and API calls (`sapi`, `fapi`) checked per application for a week',
      'Alerts on `api_limit_warning` and `api_limit`',
      'A date set to review grants and secrets again',
    ],
  },
];

/** A checklist line cut into plain text and code, so the component renders no HTML from strings. */
export function textAndCode(line: string): Array<{ code: boolean; text: string }> {
  return line
    .split('`')
    .map((text, index) => ({ code: index % 2 === 1, text }))
    .filter((part) => part.text.length > 0);
}
