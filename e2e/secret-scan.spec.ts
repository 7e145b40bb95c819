import { expect, test } from '@playwright/test';
import { scanFolder } from '../scripts/secret-scan.mjs';

test('the built site holds no secret-looking value except the sandbox tenant\'s visibly fake ones', () => {
  const hits = scanFolder('dist').map((hit) => `${hit.file}: ${hit.kind} ${hit.value.slice(0, 12)}…`);
  expect(hits).toEqual([]);
});
