import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLE_PERMISSIONS, ROLES, roleGrants } from './roles.ts';
import { fullViewScope, hasPermissionAnywhere, pathInScope, type RoleGrant, scopePaths } from './scope.ts';

const grant = (role: RoleGrant['role'], jurisdictionPath: string): RoleGrant => ({
  role,
  jurisdictionId: jurisdictionPath,
  jurisdictionPath,
});

const COUNTY = '/32/3204/320412/';
const TOWN_A = '/32/3204/320412/320412100/';
const VILLAGE_A = '/32/3204/320412/320412100/320412100001/';
const TOWN_B = '/32/3204/320412/320412102/';

describe('scope paths', () => {
  it('collapse a grant nested inside another grant of the same permission', () => {
    assert.deepEqual(scopePaths([grant('grid_worker', VILLAGE_A), grant('town_cadre', TOWN_A)], 'person.read'), [TOWN_A]);
    assert.deepEqual(scopePaths([grant('town_cadre', TOWN_A), grant('district_commander', COUNTY)], 'person.read'), [COUNTY]);
  });

  it('keep sibling subtrees apart', () => {
    assert.deepEqual(scopePaths([grant('town_cadre', TOWN_B), grant('town_cadre', TOWN_A)], 'person.read'), [TOWN_A, TOWN_B]);
  });

  it('count only grants whose role holds the permission', () => {
    const grants = [grant('town_cadre', TOWN_A), grant('system_admin', TOWN_B)];
    assert.deepEqual(scopePaths(grants, 'user.admin'), [TOWN_B]);
    assert.deepEqual(scopePaths([grant('checkpoint_staff', COUNTY)], 'person.read'), []);
  });

  it('do not let an outer grant without the permission swallow an inner one with it', () => {
    assert.deepEqual(scopePaths([grant('lab_staff', COUNTY), grant('grid_worker', VILLAGE_A)], 'person.write'), [VILLAGE_A]);
  });
});

// ORG-001: a grant at one level of the command hierarchy covers the levels below it, not parents or siblings
describe('path in scope', () => {
  it('covers the granted node and everything below it', () => {
    assert.ok(pathInScope(TOWN_A, [TOWN_A]));
    assert.ok(pathInScope(VILLAGE_A, [TOWN_A]));
  });

  it('does not cover parents, siblings, or codes that merely start with the same digits', () => {
    assert.ok(!pathInScope(COUNTY, [TOWN_A]));
    assert.ok(!pathInScope(TOWN_B, [TOWN_A]));
    assert.ok(!pathInScope('/32/3204/3204120/', ['/32/3204/320412/']));
  });

  it('covers nothing with an empty scope', () => {
    assert.ok(!pathInScope(TOWN_A, []));
  });
});

describe('roles', () => {
  it('give every permission somewhere only to the system admin', () => {
    const everything = new Set(ROLES.flatMap((role) => ROLE_PERMISSIONS[role]));
    assert.deepEqual(new Set(ROLE_PERMISSIONS.system_admin), everything);
  });

  it('let a grid worker write people but not administer accounts', () => {
    assert.ok(roleGrants('grid_worker', 'person.write'));
    assert.ok(!roleGrants('grid_worker', 'user.admin'));
    assert.ok(hasPermissionAnywhere([grant('grid_worker', VILLAGE_A)], 'person.readFull'));
  });

  it('give a resident no staff permission at all (only their own record and proxy dependants)', () => {
    assert.deepEqual(ROLE_PERMISSIONS.resident, ['self.read', 'self.write']);
    assert.ok(!hasPermissionAnywhere([grant('resident', COUNTY)], 'person.read'));
  });

  it('quarantine-site staff see full personal data only at their sites, not across the district they are granted on (issue 12 defect 7)', () => {
    assert.deepEqual(fullViewScope([grant('quarantine_site_staff', COUNTY), grant('grid_worker', VILLAGE_A)]), {
      paths: [VILLAGE_A],
      sitePaths: [COUNTY],
    });
  });
});
