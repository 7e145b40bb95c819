import { describe, expect, it } from 'vitest';
import { describePlace } from './describe-place.ts';
import type { Sighting } from './find-tokens.ts';

function at(text: string, marker: string, sighting: Partial<Sighting> = {}): string {
  const index = text.indexOf(marker);
  const line = text.slice(0, index).split('\n').length;
  return describePlace(text, { index, line, encoding: 'plain', ...sighting });
}

describe('describePlace', () => {
  it('names the key and the Kubernetes Secret of a base64-encoded data: value', () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: auth0-mgmt\ndata:\n  AUTH0_TOKEN: ZXlKaGJH\n';
    expect(at(secret, 'ZXlK', { encoding: 'base64' })).toBe('base64-encoded value of key AUTH0_TOKEN in the Kubernetes Secret auth0-mgmt, line 6');
  });

  it('names an .env variable, a Terraform provider\'s attribute, a header and a URL parameter', () => {
    expect(at('A=1\nAUTH0_MGMT_TOKEN=eyJx', 'eyJ')).toBe('value of AUTH0_MGMT_TOKEN, line 2');
    expect(at('provider "auth0" {\n  domain = "x"\n  api_token = "eyJx"\n}', 'eyJ')).toBe('value of api_token in the Terraform provider "auth0", line 3');
    expect(at('curl -H "Authorization: Bearer eyJx" https://x', 'eyJ')).toBe('Authorization header (Bearer), line 1');
    expect(at('https://app/cb#access_token=eyJx&t=1', 'eyJ')).toBe('access_token parameter of a URL, line 1');
  });

  it('finds the key on the line above a YAML block scalar, and says when the token was rejoined', () => {
    expect(at('auth0:\n  token: |\n    eyJx\n    abc\n', 'eyJ', { rejoined: { lastLine: 4, how: 'line-break' } })).toBe('value of key token, lines 3–4, rejoined');
  });

  it('puts an indented workflow value in the workflow, and an .env line pasted after it outside', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      TOKEN: eyJa\nAUTH0_TOKEN=eyJb';
    expect(at(text, 'eyJa')).toBe('value of key TOKEN in a GitHub Actions workflow, line 6');
    expect(at(text, 'eyJb')).toBe('value of AUTH0_TOKEN, line 7');
  });

  it('says a token with nothing around it stands on its own', () => {
    expect(at('eyJx', 'eyJ')).toBe('a token on its own, line 1');
  });
});
