import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ancestorPaths, pathFromScope } from './path-from-scope.ts';

const GRID = '/32/3204/320412/320412100/320412100001/320412100001-01/';

test('ancestorPaths lists a path and its ancestors outermost first', () => {
  assert.deepEqual(ancestorPaths('/32/3204/'), ['/32/', '/32/3204/']);
});

// ORG-001 (multi-level hierarchy district → town → community → grid), COMM-041; issue 18 item 6.
test('ORG-001 a county officer reads a grid as town / community / grid', () => {
  assert.deepEqual(pathFromScope(GRID, ['/32/3204/320412/']), [
    '/32/3204/320412/320412100/',
    '/32/3204/320412/320412100/320412100001/',
    GRID,
  ]);
});

test('ORG-001 a community worker reads community / grid, never the grid alone', () => {
  assert.deepEqual(pathFromScope(GRID, ['/32/3204/320412/320412100/320412100001/']), ['/32/3204/320412/320412100/320412100001/', GRID]);
  assert.deepEqual(pathFromScope(GRID, [GRID]), ['/32/3204/320412/320412100/320412100001/', GRID]);
});

test('ORG-001 the widest scope root that holds the location decides, and outside every root the last two levels', () => {
  assert.equal(pathFromScope(GRID, ['/32/3204/320412/320412100/', '/32/']).length, 5);
  assert.deepEqual(pathFromScope(GRID, ['/11/']), ['/32/3204/320412/320412100/320412100001/', GRID]);
});
