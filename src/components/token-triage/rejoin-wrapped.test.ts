import { describe, expect, it } from 'vitest';
import { rejoinWrapped } from './rejoin-wrapped.ts';
import { completeness } from './token-completeness.ts';
import { managementToken } from './tokens-test-support.ts';

const TOKEN_CHARS = 'A-Za-z0-9_.-';
/** Rejoins the run that starts the text's token (at `eyJ`), as find-tokens does. */
function rejoinAt(text: string) {
  const start = text.indexOf('eyJ');
  const run = /^[A-Za-z0-9_.-]+/.exec(text.slice(start))![0];
  return rejoinWrapped(text, run, start + run.length, TOKEN_CHARS, completeness, 3);
}

describe('rejoinWrapped', () => {
  it('joins a .env value that runs on over two quoted lines', async () => {
    const token = await managementToken(86_400);
    const joined = rejoinAt(`AUTH0_TOKEN="${token.slice(0, 250)}\n${token.slice(250)}"\nNEXT=1`);
    expect(joined).toMatchObject({ text: token, extraLines: 1, how: 'quotes' });
  });

  it('joins each line quoted on its own', async () => {
    const token = await managementToken(86_400);
    expect(rejoinAt(`TOKEN="${token.slice(0, 100)}"\n  "${token.slice(100, 300)}"\n  "${token.slice(300)}"`)).toMatchObject({ text: token, extraLines: 2 });
  });

  it('joins a shell line continued with a backslash', async () => {
    const token = await managementToken(86_400);
    expect(rejoinAt(`export AUTH0_TOKEN=${token.slice(0, 64)}\\\n${token.slice(64)}\n`)).toMatchObject({ text: token, how: 'backslash' });
  });

  it('joins a token broken by plain line breaks at 64 columns', async () => {
    const token = await managementToken(86_400);
    const wrapped = token.match(/.{1,64}/g)!.join('\n');
    expect(rejoinAt(`${wrapped}\nfi\n`)).toMatchObject({ text: token, how: 'line-break' });
  });

  it('glues no following word onto a whole token, even after a backslash that ends a quoted word', async () => {
    const token = await managementToken(86_400);
    expect(rejoinAt(`TOKEN=${token}\nfi\n`)).toBeUndefined();
    expect(rejoinAt(`curl -H "Authorization: Bearer ${token}" \\\n  -H "Accept: application/json"`)).toBeUndefined();
  });
});
