/**
 * The triage as plain text for a session's inventory board: per token its kind, lifetime, scopes,
 * jti and client id where it has them, where it was found and the next step; per named secret
 * where to look. It is meant to be pasted into shared places (a board, a ticket, a chat), so it
 * carries no token, no part of one and no preview: built from decoded claims only, then scrubbed
 * of anything token-shaped in case a claim or a name itself held one.
 */
import { instantText } from './describe-instant.ts';
import { lifetimeText, type Finding, type NextStep, type ReferenceFinding, type TriageReport } from './triage.ts';

export interface SummaryOptions {
  /** When the triage ran (milliseconds), written at the top. */
  readonly now: number;
  /** The site's origin, so runbook links work once pasted elsewhere (`https://…`). */
  readonly origin: string;
}

// A JWT (eyJ…) or its base64 (ZXlK…) of any useful length: nothing like it may leave in the text.
const TOKEN_SHAPED = /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*|ZXlK[A-Za-z0-9+/_-]{6,}={0,2}/g;
const REMOVED = '[token text removed]';

/** The whole report as plain text, or undefined when there is nothing to put on a board. */
export function inventorySummary(report: TriageReport, options: SummaryOptions): string | undefined {
  if (report.findings.length === 0 && report.references.length === 0) return undefined;
  const stamp = `${new Date(options.now).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const blocks = [
    [`Token triage, ${stamp}. No token or part of one is included.`, report.summary, ...report.notes].join('\n'),
    ...report.findings.map((finding) => findingBlock(finding, options.origin)),
    ...report.references.map((reference) => referenceBlock(reference)),
  ];
  return `${blocks.join('\n\n')}\n`.replace(TOKEN_SHAPED, REMOVED);
}

function findingBlock(finding: Finding, origin: string): string {
  const lines = [`Token ${finding.number}: ${finding.title}`];
  const item = (label: string, text: string) => lines.push(`- ${label}: ${text}`);
  item('Found', finding.places.join('; '));
  if (finding.rejoined) item('Rejoined', finding.rejoined);
  if (finding.problem) item('Problem', finding.problem);
  if (finding.state === 'decoded') {
    for (const sentence of finding.malformed) item('Malformed', sentence);
    item('Lifetime', lifetimeText(finding));
    if (finding.issued?.state === 'at') item('Issued', instantText(finding.issued));
    if (finding.expiry) item(finding.expiry.state === 'expired' ? 'Expired' : 'Expires', expiryLine(finding.expiry));
    item('Scopes', finding.scopes.length === 0 ? 'none' : finding.scopes.join(' '));
    const risky = finding.reach?.risks.map((risk) => risk.scope) ?? [];
    if (risky.length > 0) item('Dangerous scopes', risky.join(' '));
    if (finding.jti) item('jti', finding.jti.length > 80 ? `${finding.jti.slice(0, 80)}…` : finding.jti);
    if (finding.clientId) item('Client id', finding.clientId);
  }
  const [next] = finding.nextSteps;
  if (next) item('Next step', stepLine(next, origin));
  if (finding.sources && finding.sources.length > 0) item('Source', finding.sources.map((source) => `${source.label} (${source.href})`).join('; '));
  return lines.join('\n');
}

function expiryLine(expiry: NonNullable<Finding['expiry']>): string {
  switch (expiry.state) {
    case 'never':
      return 'never (no exp)';
    case 'unreadable':
      return expiry.why;
    case 'valid':
    case 'expired':
      return instantText(expiry);
  }
}

function stepLine(step: NextStep, origin: string): string {
  return `${step.text} (${origin}${step.href})`;
}

function referenceBlock(reference: ReferenceFinding): string {
  const where = reference.lines.length === 1 ? `line ${reference.lines[0]}` : `lines ${reference.lines.join(', ')}`;
  return [`Secret ${reference.number}: ${reference.headline}`, `- Found: ${reference.short}, named on ${where}`, `- Look there: ${reference.look}`].join('\n');
}
