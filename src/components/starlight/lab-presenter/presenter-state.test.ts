import { describe, expect, it } from 'vitest';
import { parseFocusTarget, presentParam, presenterWanted, withPresentParam } from './presenter-state.ts';

describe('presentParam', () => {
  it('reads a bare or truthy parameter as on', () => {
    expect(presentParam('?present')).toBe(true);
    expect(presentParam('?present=1')).toBe(true);
    expect(presentParam('?present=yes')).toBe(true);
    expect(presentParam('?x=2&present')).toBe(true);
  });

  it('reads 0, false, off and no as an explicit off', () => {
    for (const value of ['0', 'false', 'OFF', ' no ']) expect(presentParam(`?present=${value}`)).toBe(false);
  });

  it('says nothing when the parameter is absent', () => {
    expect(presentParam('')).toBeNull();
    expect(presentParam('?presenter=1')).toBeNull();
  });
});

describe('presenterWanted', () => {
  it('lets the URL win over what the tab remembers', () => {
    expect(presenterWanted('?present=0', '1')).toBe(false);
    expect(presenterWanted('?present', null)).toBe(true);
  });

  it('falls back to the tab memory when the URL is silent', () => {
    expect(presenterWanted('', '1')).toBe(true);
    expect(presenterWanted('', null)).toBe(false);
    expect(presenterWanted('', 'true')).toBe(false);
  });
});

describe('withPresentParam', () => {
  it('adds the bare parameter to a path', () => {
    expect(withPresentParam('/lab/get-a-token/', true)).toBe('/lab/get-a-token/?present');
  });

  it('keeps other parameters and the hash, and does not add it twice', () => {
    expect(withPresentParam('/lab/?a=1#goal', true)).toBe('/lab/?a=1&present#goal');
    expect(withPresentParam('/lab/?present=1&a=1', true)).toBe('/lab/?a=1&present');
  });

  it('removes it, leaving no empty question mark', () => {
    expect(withPresentParam('/lab/?present', false)).toBe('/lab/');
    expect(withPresentParam('/lab/?a=1&present=1#h', false)).toBe('/lab/?a=1#h');
  });

  it('keeps an absolute address absolute', () => {
    expect(withPresentParam('http://127.0.0.1:4321/lab/', true)).toBe('http://127.0.0.1:4321/lab/?present');
  });
});

describe('parseFocusTarget', () => {
  it('accepts only the values presenter navigation writes', () => {
    expect(parseFocusTarget('title')).toBe('title');
    expect(parseFocusTarget('next')).toBe('next');
    expect(parseFocusTarget('previous')).toBe('previous');
    expect(parseFocusTarget('#evil')).toBeNull();
    expect(parseFocusTarget(null)).toBeNull();
  });
});

describe('the before-first-paint script in LabPresenter.astro', () => {
  it('reads the same parameter and storage key as presenter-state.ts (it is inline, so it cannot import them)', async () => {
    const { readFileSync } = await import('node:fs');
    const { PRESENT_PARAM, PRESENTER_STORAGE_KEY } = await import('./presenter-state.ts');
    const source = readFileSync('src/components/starlight/LabPresenter.astro', 'utf8');
    const inline = /<script is:inline>([\s\S]*?)<\/script>/.exec(source)?.[1] ?? '';
    expect(inline).toContain(`.get('${PRESENT_PARAM}')`);
    expect(inline).toContain(`getItem('${PRESENTER_STORAGE_KEY}')`);
  });
});
