import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES, roleGrants } from '../access/roles.ts';
import type { RoleGrant } from '../access/scope.ts';
import { institutionTakesReportsFrom, mayReportFor, REPORTING_ROLES } from './report-reporters.ts';

const TOWN = '/32/3204/320412/320412100/';
const COMMUNITY = `${TOWN}320412100002/`;
const OTHER_TOWN = '/32/3204/320412/320412102/';
const grant = (role: RoleGrant['role'], path: string): RoleGrant[] => [{ role, jurisdictionId: 'j', jurisdictionPath: path }];
const community = { kind: 'jurisdiction' as const, path: COMMUNITY };
const school = { kind: 'place' as const, path: COMMUNITY };

// DAILY-001…004: communities report the community tables, each institution its own (seen in the demo: the school
// account, granted over 湖塘镇, was offered every community's 13:00 tables).
describe('who fills in whose reports (DAILY-001, DAILY-003, DAILY-004)', () => {
  it('DAILY-003: the community’s grid worker and secretary report for the community, not for a school in it', () => {
    for (const role of ['grid_worker', 'community_secretary'] as const) {
      assert.equal(mayReportFor(grant(role, COMMUNITY), community, false), true, role);
      assert.equal(mayReportFor(grant(role, COMMUNITY), school, true), false, role);
    }
  });

  it('DAILY-004: a school’s reporter, granted over the town, reports for a school that takes their reports and for no community', () => {
    const reporter = grant('institution_reporter', TOWN);
    assert.equal(mayReportFor(reporter, school, true), true);
    assert.equal(mayReportFor(reporter, school, false), false, 'a school naming someone else');
    assert.equal(mayReportFor(reporter, community, false), false);
    assert.equal(mayReportFor(reporter, community, true), false);
  });

  it('an institution takes reports from its named reporter only, from anyone allowed when it names nobody, and from the system', () => {
    assert.equal(institutionTakesReportsFrom('u-school', 'u-school'), true);
    assert.equal(institutionTakesReportsFrom('u-school', 'u-town'), false);
    assert.equal(institutionTakesReportsFrom(null, 'u-town'), true);
    assert.equal(institutionTakesReportsFrom('u-school', null), true);
  });

  it('a town cadre may fill in for a community or an institution of the town; nobody outside their grant', () => {
    assert.equal(mayReportFor(grant('town_cadre', TOWN), community, false), true);
    assert.equal(mayReportFor(grant('town_cadre', TOWN), school, true), true);
    assert.equal(mayReportFor(grant('town_cadre', TOWN), school, false), false, 'a school with its own named reporter');
    assert.equal(mayReportFor(grant('town_cadre', OTHER_TOWN), community, false), false);
    assert.equal(mayReportFor(grant('district_commander', '/32/3204/320412/'), community, false), false, 'the commander reads');
  });

  it('the roles that report are exactly those holding report.submit', () => {
    for (const role of REPORTING_ROLES) assert.ok(roleGrants(role, 'report.submit'), role);
    for (const role of ROLES) assert.equal(REPORTING_ROLES.includes(role), roleGrants(role, 'report.submit'), role);
  });
});
