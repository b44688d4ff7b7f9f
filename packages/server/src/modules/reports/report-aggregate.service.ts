import { aggregateFigures, forbidden, invalid, isSubmittedTemplate, scopePaths, shanghaiDate } from '@fangkong/core';
import type { RequestContext } from '../../http/context.ts';
import { childrenOf, findJurisdictionsByPaths, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { reportScope } from './report-board.service.ts';
import { type SubmissionRow, submissionsOfDay } from './report-submission.repository.ts';
import { checkPeriod, type Deps } from './report-submission.service.ts';
import { allTemplates } from './report-template.repository.ts';
import { applicableVersion, definitionOf } from './report-template.service.ts';
import { unitsUnder } from './report-unit.repository.ts';

export interface AggregateQuery {
  templateCode: string;
  date?: string;
  jurisdictionId?: string;
}

/** The jurisdiction the sums are for: the one asked, or the caller's own (the first subtree of their scope). */
async function targetOf(deps: Deps, context: RequestContext, jurisdictionId?: string): Promise<JurisdictionRow> {
  const db = deps.database.db;
  const { jurisdiction } = await reportScope(db, context, 'report.read', jurisdictionId);
  if (jurisdiction) return jurisdiction;
  const [own] = await findJurisdictionsByPaths(db, scopePaths(context.actor.grants, 'report.read').slice(0, 1));
  if (!own) throw forbidden('jurisdictionId');
  return own;
}

/**
 * Upward aggregation (DAILY-001: community → township; DAILY-003: the street office): the signed reports of a
 * day under a jurisdiction, each figure added up by its template's rule, per child jurisdiction (communities
 * of a town, towns of a district) and in total, with how many units reported out of how many must.
 */
export async function aggregateReports(deps: Deps, context: RequestContext, query: AggregateQuery) {
  const db = deps.database.db;
  const now = deps.clock();
  const date = query.date ?? shanghaiDate(now);
  checkPeriod(date, now);
  const target = await targetOf(deps, context, query.jurisdictionId);
  const templates = await allTemplates(db);
  const version = applicableVersion(templates, query.templateCode, target.path);
  const template = version ? definitionOf(version) : undefined;
  if (!template || !isSubmittedTemplate(template)) throw invalid('templateCode', 'templateNotSubmitted');
  const units = await unitsUnder(db, template.reporter, [target.path]);
  const signed = (await submissionsOfDay(db, date, [template.code], [target.path])).filter((s) => s.status === 'submitted');
  const sum = (rows: readonly SubmissionRow[]) =>
    aggregateFigures(
      template.figures,
      rows.map((r) => r.figures),
    );
  const children = await childrenOf(db, target.id);
  return {
    date,
    template: {
      code: template.code,
      name: template.name,
      figures: template.figures.map((f) => ({ key: f.key, label: f.label, labelEn: f.labelEn, aggregate: f.aggregate })),
    },
    jurisdiction: { id: target.id, name: target.name, level: target.level },
    total: sum(signed),
    reported: signed.length,
    expected: units.length,
    children: children
      .map((child) => {
        const under = signed.filter((s) => s.jurisdictionPath.startsWith(child.path));
        const expected = units.filter((u) => u.path.startsWith(child.path)).length;
        return { id: child.id, name: child.name, level: child.level, figures: sum(under), reported: under.length, expected };
      })
      .filter((child) => child.expected > 0 || child.reported > 0),
  };
}
