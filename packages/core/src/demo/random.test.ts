import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom, demoUuid, weightedPicker, weightTable } from './random.ts';

const draws = (seed: number, ...labels: string[]) => {
  const random = createRandom(seed, ...labels);
  return Array.from({ length: 20 }, () => random.uint32());
};

describe('seeded random', () => {
  it('gives the same sequence for the same seed and labels', () => {
    assert.deepEqual(draws(7, 'grid', '320412100002001'), draws(7, 'grid', '320412100002001'));
  });

  it('gives independent sequences for other seeds or labels', () => {
    assert.notDeepEqual(draws(7, 'a'), draws(8, 'a'));
    assert.notDeepEqual(draws(7, 'a'), draws(7, 'b'));
  });

  it('draws integers inside the closed range and reaches both ends', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 7)));
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
  });

  it('picks weighted entries in proportion to their weights', () => {
    const pick = weightedPicker(weightTable('a:1 b:3'));
    const random = createRandom(2);
    const bs = Array.from({ length: 20_000 }, () => pick(random)).filter((x) => x === 'b').length;
    assert.ok(Math.abs(bs / 20_000 - 0.75) < 0.02, `share of b ${bs / 20_000}`);
  });

  it('refuses a malformed weight table', () => {
    assert.throws(() => weightTable('a:1 b'), RangeError);
  });

  it('makes version-4-shaped UUIDs, the same for the same seed', () => {
    const uuid = demoUuid(createRandom(3, 'ids'));
    assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(uuid, demoUuid(createRandom(3, 'ids')));
  });
});
