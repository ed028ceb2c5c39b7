// The worker pool gives the same results as the pipeline in this thread, in the files' order, and
// refuses a bad file alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFiles } from './parse-files';
import { createParsePool } from './parse-pool';

const samplesDir = path.join(import.meta.dirname, '..', '..', 'seed', 'sample-articles');
const samples = readdirSync(samplesDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(samplesDir, name))) }));

const pool = createParsePool(2);
afterAll(() => pool.close());

describe('createParsePool', () => {
  it('parses in worker threads exactly as in this thread, in order', async () => {
    const files = [...samples, { name: 'empty.txt', bytes: new Uint8Array() }, ...samples.slice().reverse(), ...samples];
    const results = await pool.parse(files);
    expect(results).toEqual(parseFiles(files));
    expect(results[samples.length]).toMatchObject({ ok: false, error: expect.stringMatching(/^empty\.txt: /) });
  }, 60_000);

  it('serves parallel calls', async () => {
    const [first, second] = await Promise.all([pool.parse(samples.slice(0, 2)), pool.parse(samples.slice(2))]);
    expect([...first, ...second].map((result) => (result.ok ? result.article.title : ''))).toEqual(parseFiles(samples).map((result) => (result.ok ? result.article.title : '')));
  }, 60_000);
});
