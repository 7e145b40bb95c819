import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATION_CHECKLIST, RUNBOOK_SECTIONS, textAndCode } from './checklist-items.ts';

describe('the migration checklist', () => {
  it('has one group per runbook section, in the runbook\'s order', () => {
    expect(MIGRATION_CHECKLIST.map((group) => group.section)).toEqual([...RUNBOOK_SECTIONS]);
  });

  it('gives every group at least one item and no item twice', () => {
    const items = MIGRATION_CHECKLIST.flatMap((group) => group.items.map((item) => item.text));
    for (const group of MIGRATION_CHECKLIST) expect(group.items.length).toBeGreaterThan(0);
    expect(new Set(items).size).toBe(items.length);
  });

  it('closes every backtick it opens', () => {
    for (const item of MIGRATION_CHECKLIST.flatMap((group) => group.items)) expect(item.text.split('`').length % 2).toBe(1);
  });

  it('names sections the runbook page has as headings', () => {
    const page = readFileSync('content/guides/01-migrate-your-services/index.mdx', 'utf8');
    for (const group of MIGRATION_CHECKLIST) expect(page).toMatch(new RegExp(`^## ${group.title}$`, 'm'));
    for (const group of MIGRATION_CHECKLIST) expect(group.title.toLowerCase()).toBe(group.section);
  });
});

describe('the checklist\'s links into the runbook', () => {
  it('link every addition a real migration trips over to the part of the runbook that explains it', () => {
    const anchors = MIGRATION_CHECKLIST.flatMap((group) => group.items.flatMap((item) => (item.see ? [item.see.anchor] : [])));
    for (const anchor of ['what-to-search-for', 'callers-that-only-read', 'tokens-stored-inside-auth0', 'every-tenant-and-custom-domains', 'the-order-and-the-step-you-cant-undo', 'put-a-raised-token-expiration-back-to-86400-the-30-day-trap', 'proof-that-tokens-refresh', 'terraform-and-the-deploy-cli', 'one-sdk-client-per-process-not-per-request']) {
      expect(anchors).toContain(anchor);
    }
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe('textAndCode', () => {
  it('cuts a line into plain text and code parts', () => {
    expect(textAndCode('Search for `eyJ` and `api_token` everywhere')).toEqual([
      { code: false, text: 'Search for ' },
      { code: true, text: 'eyJ' },
      { code: false, text: ' and ' },
      { code: true, text: 'api_token' },
      { code: false, text: ' everywhere' },
    ]);
  });

  it('leaves a line without backticks whole', () => {
    expect(textAndCode('One application per service')).toEqual([{ code: false, text: 'One application per service' }]);
  });
});
