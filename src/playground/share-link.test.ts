import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64url } from 'jose';
import { createShareUrl, decodeSharedCode, encodeSharedCode, MAX_SHARE_LENGTH, readSharedCode, ShareLinkError } from './share-link.ts';

const PAGE = 'https://lab.test/lessons/get-token/';
const CODE = "import { decodeJwt } from 'jose';\n// ünïcödé and emoji 🔑\nexport default decodeJwt;\n".repeat(3);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('share links', () => {
  it('round-trips code through a compressed fragment', async () => {
    const url = await createShareUrl(PAGE, 'get-token', CODE);
    expect(new URL(url).hash).toMatch(/^#pg\.get-token=z\./);
    expect(await readSharedCode(url, 'get-token')).toEqual({ code: CODE });
  });

  it('compresses repetitive code below its plain size', async () => {
    expect((await encodeSharedCode(CODE)).length).toBeLessThan(base64url.encode(CODE).length);
  });

  it('falls back to plain base64url where CompressionStream is missing, and still decodes', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    const payload = await encodeSharedCode(CODE);
    expect(payload).toBe(`b.${base64url.encode(CODE)}`);
    expect(await decodeSharedCode(payload)).toBe(CODE);
  });

  it('keeps the code of other playgrounds on the page and drops a heading anchor', async () => {
    const first = await createShareUrl(`${PAGE}#some-heading`, 'a', 'A');
    const both = await createShareUrl(first, 'b', 'B');
    expect(both).not.toContain('some-heading');
    expect(await readSharedCode(both, 'a')).toEqual({ code: 'A' });
    expect(await readSharedCode(both, 'b')).toEqual({ code: 'B' });
  });

  it('returns null when the link carries nothing for this playground', async () => {
    expect(await readSharedCode(`${PAGE}#pg.other=b.QQ`, 'get-token')).toBeNull();
    expect(await readSharedCode(PAGE, 'get-token')).toBeNull();
  });

  it.each([
    ['an unknown prefix', 'x.QUJD'],
    ['invalid base64url', 'b.!!!'],
    ['a cut-off compressed payload', 'z.q0ktLgEA'.slice(0, 6)],
    ['bytes that are not UTF-8', `b.${base64url.encode(new Uint8Array([0xff, 0xfe]))}`],
  ])('gives a notice instead of code for %s', async (_label, payload) => {
    const shared = await readSharedCode(`${PAGE}#pg.get-token=${payload}`, 'get-token');
    expect(shared).toEqual({ notice: expect.stringMatching(/^\[playground\] The shared code in this link could not be read/) });
  });

  it('refuses a payload that inflates past the size cap', async () => {
    const bomb = await encodeSharedCode('a'.repeat(1_000_000));
    expect(bomb.length).toBeLessThan(MAX_SHARE_LENGTH);
    expect(await decodeSharedCode(bomb)).toBeNull();
  });

  it('refuses to make a link for code too long to share, with an error the UI can switch on', async () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    const random = Array.from({ length: 20_000 }, () => String.fromCharCode(33 + (next() % 90))).join('');
    const failure = await createShareUrl(PAGE, 'get-token', random).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ShareLinkError);
    expect(failure).toMatchObject({ code: 'ERR_SHARE_TOO_LARGE', message: expect.stringMatching(/too long to share.*Use Export/) });
  });
});
