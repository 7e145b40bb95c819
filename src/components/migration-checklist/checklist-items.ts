/**
 * The printable checklist that closes the "Migrate your services" runbook, as data: one group per
 * runbook section, in the runbook's order. Kept out of the MDX so the page holds no logic and a test
 * can hold the list to the page's section ids.
 */

/** The runbook's section ids, in order. The token triage tool links to these exact ids. */
export const RUNBOOK_SECTIONS = ['inventory', 'replace', 'verify', 'decommission', 'watch'] as const;
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[number];

/** A line to tick, and the part of the runbook that explains it (a heading id on the page). */
export interface ChecklistItem {
  /** Text between backticks is shown as code. */
  readonly text: string;
  readonly see?: { readonly anchor: string; readonly title: string };
}

export interface ChecklistGroup {
  readonly section: RunbookSection;
  readonly title: string;
  readonly items: readonly ChecklistItem[];
}

const see = (title: string, anchor: string) => ({ title, anchor });

export const MIGRATION_CHECKLIST: readonly ChecklistGroup[] = [
  {
    section: 'inventory',
    title: 'Inventory',
    items: [
      { text: 'Searched repositories, `.env` files, CI secrets, Terraform and Deploy CLI settings and scripts for `eyJ`, `ZXlK`, `api_token` and `AUTH0_…TOKEN`', see: see('What to search for', 'what-to-search-for') },
      { text: 'Checked Actions secrets, Rules settings, Hooks secrets, Forms vault connections and Auth0 CLI keyrings', see: see('Tokens stored inside Auth0', 'tokens-stored-inside-auth0') },
      { text: 'Decoded each token found (locally) and noted its kind: hand-signed, raised lifetime, or ordinary', see: see('Tell them apart by decoding', 'tell-them-apart-by-decoding') },
      { text: 'A log stream set up first; read-only callers found in proxy or egress logs', see: see('Callers that only read', 'callers-that-only-read') },
      { text: 'Listed every service that calls the Management API, from the code, the tenant logs and the network', see: see('Who calls the Management API', 'who-calls-the-management-api-the-tenant-logs') },
    ],
  },
  {
    section: 'replace',
    title: 'Replace',
    items: [
      { text: 'One machine-to-machine application per service, its grant holding only the scopes it calls', see: see('One application per service', 'one-application-per-service-with-the-least-scopes') },
      { text: 'The runbook run in every tenant (development, staging, production); custom-domain services keep the tenant-domain audience', see: see('Every tenant, and custom domains', 'every-tenant-and-custom-domains') },
      { text: 'Each service uses an SDK client or a token cache, made once per process, within the plan\'s rate limits', see: see('One SDK client per process', 'one-sdk-client-per-process-not-per-request') },
      { text: 'Client secrets live in a secret store, never in code or images', see: see('Get tokens the supported way', 'get-tokens-the-supported-way') },
      { text: 'Terraform and Deploy CLI: one application per pipeline per tenant, no token; Terraform state kept as a secret', see: see('Terraform and the Deploy CLI', 'terraform-and-the-deploy-cli') },
    ],
  },
  {
    section: 'verify',
    title: 'Verify',
    items: [
      { text: 'Each service gets a token and its calls succeed with its own scopes' },
      { text: 'A call outside its scopes fails with `403 insufficient_scope`' },
      { text: 'No old token is left in any configuration' },
      { text: 'Token requests counted per service per day; alerts on a silent day, expired-token `401`s and `feccft`', see: see('Proof that tokens refresh', 'proof-that-tokens-refresh') },
    ],
  },
  {
    section: 'decommission',
    title: 'Decommission',
    items: [
      { text: 'A canary service first, then a few at a time', see: see('The order, and the step you can\'t undo', 'the-order-and-the-step-you-cant-undo') },
      { text: 'The Management API\'s lifetime back to 86,400 seconds, and an alert if it rises again', see: see('The 30-day trap', 'put-a-raised-token-expiration-back-to-86400-the-30-day-trap') },
      { text: 'The API Explorer test application narrowed or deleted', see: see('Narrow or delete the test application', 'narrow-or-delete-the-api-explorer-test-application') },
      { text: 'No step relies on the token denylist (unconfirmed on a real tenant)', see: see('The token denylist', 'the-token-denylist-dont-count-on-it') },
      { text: 'Last, the Global Client Secret rotated (after checking what still depends on it)', see: see('Rotate the Global Client Secret', 'rotate-the-global-client-secret') },
    ],
  },
  {
    section: 'watch',
    title: 'Watch',
    items: [
      { text: 'Token requests (`seccft`, `feccft`) checked per application for a week' },
      { text: 'The services\' own `401` answers watched after each rotation' },
      { text: 'Alerts on `api_limit_warning` and `api_limit`' },
      { text: 'A date set to review grants and secrets again' },
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
