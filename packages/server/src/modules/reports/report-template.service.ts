import {
  COUNTRY_ROOT,
  forbidden,
  hasPermissionAnywhere,
  invalid,
  isSubmittedTemplate,
  notFound,
  pathInScope,
  REPORT_TEMPLATES,
  type ReportTemplateDefinition,
  reviseTemplate,
  type SubmittedTemplate,
  scopePaths,
  type TemplateChanges,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { allTemplates, findTemplate, insertTemplate, insertTemplateIfAbsent, type TemplateRow } from './report-template.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/**
 * The shipped templates (core `REPORT_TEMPLATES`) stand in `report_template` at the country root, written at
 * start like the root jurisdiction: a version that exists is never rewritten, a new core version is added.
 */
export async function ensureReportTemplates(db: Db, rootId: string): Promise<void> {
  for (const definition of REPORT_TEMPLATES) {
    await insertTemplateIfAbsent(db, {
      code: definition.code,
      version: definition.version,
      name: definition.name,
      kind: definition.kind,
      definition: definition as unknown as Record<string, unknown>,
      jurisdictionId: rootId,
      jurisdictionPath: COUNTRY_ROOT.path,
    });
  }
}

export const definitionOf = (row: TemplateRow) => row.definition as unknown as ReportTemplateDefinition;

/** The definition of a template a unit fills in; a generated one (核酸检测日报) is made by the platform, not submitted. */
export function submittedDefinition(row: TemplateRow): SubmittedTemplate {
  const definition = definitionOf(row);
  if (!isSubmittedTemplate(definition)) throw invalid('templateId', 'templateNotSubmitted');
  return definition;
}

/** The version that applies at a path: the one published nearest above it (a town's own over the country's), newest first. */
export function applicableVersion(rows: readonly TemplateRow[], code: string, path: string): TemplateRow | undefined {
  return rows
    .filter((row) => row.code === code && path.startsWith(row.jurisdictionPath))
    .sort((a, b) => b.jurisdictionPath.length - a.jurisdictionPath.length || b.version - a.version)[0];
}

/** Every template as it applies at a path, in the catalogue's order. */
export function applicableTemplates(rows: readonly TemplateRow[], path: string): TemplateRow[] {
  const order = REPORT_TEMPLATES.map((t) => t.code);
  const codes = [...new Set(rows.map((r) => r.code))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return codes.map((code) => applicableVersion(rows, code, path)).filter((row): row is TemplateRow => row !== undefined);
}

/** A template version as the API shows it; `local` names a version a jurisdiction published for itself. */
export function templateView(row: TemplateRow, context: RequestContext) {
  const definition = definitionOf(row);
  const exportPermission = definition.platformExport?.permission;
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    kind: row.kind,
    local: row.jurisdictionPath !== COUNTRY_ROOT.path,
    jurisdictionId: row.jurisdictionId,
    reason: row.reason,
    publishedAt: row.createdAt.toISOString(),
    definition: row.definition,
    canExportPlatform: exportPermission ? hasPermissionAnywhere(context.actor.grants, exportPermission) : false,
  };
}

/** A version is visible where it applies: above the caller's scope (the country's) or inside it (a town's own). */
function visible(row: TemplateRow, scope: readonly string[]): boolean {
  return scope.some((root) => root.startsWith(row.jurisdictionPath) || row.jurisdictionPath.startsWith(root));
}

/** The path templates are listed at: the chosen jurisdiction inside the caller's scope, else the caller's first subtree. */
async function listingPath(db: Db, context: RequestContext, jurisdictionId: string | undefined): Promise<string> {
  const scope = scopePaths(context.actor.grants, 'report.read');
  if (!jurisdictionId) return scope[0] ?? COUNTRY_ROOT.path;
  const found = await findJurisdictionById(db, jurisdictionId);
  if (!found || !pathInScope(found.path, scope)) throw forbidden('jurisdictionId');
  return found.path;
}

/** The templates that apply at a jurisdiction (Annex A's tables, the platform's own reports among them). */
export async function listTemplates(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  const path = await listingPath(db, context, query.jurisdictionId);
  return applicableTemplates(await allTemplates(db), path).map((row) => templateView(row, context));
}

export async function templateInScope(db: Db, context: RequestContext, id: string): Promise<TemplateRow> {
  const row = await findTemplate(db, id);
  if (!row || !visible(row, scopePaths(context.actor.grants, 'report.read'))) throw notFound('id');
  return row;
}

export interface NewVersion extends TemplateChanges {
  jurisdictionId: string;
  reason: string;
}

/**
 * A jurisdiction's own version of a template for its subtree (RULES-001, DAILY-003 "the 13:00 deadline is
 * configurable"): a changed deadline, reminder or zero-report rule, resting on the stated decision.
 */
export async function publishVersion(deps: Deps, context: RequestContext, baseId: string, input: NewVersion) {
  const db = deps.database.db;
  const target = await findJurisdictionById(db, input.jurisdictionId);
  if (!target || !pathInScope(target.path, scopePaths(context.actor.grants, 'report.manage'))) throw forbidden('jurisdictionId');
  const base = await templateInScope(db, context, baseId);
  if (!target.path.startsWith(base.jurisdictionPath)) throw invalid('jurisdictionId', 'templateNotAbove');
  const all = await allTemplates(db);
  const version = Math.max(...all.filter((r) => r.code === base.code).map((r) => r.version)) + 1;
  const basis = { source: target.name, clause: `v${version}`, says: input.reason, configured: true };
  const revised = reviseTemplate(submittedDefinition(base), input, version, basis);
  return db.transaction(async (tx) => {
    const row = await insertTemplate(tx, {
      code: base.code,
      version,
      name: base.name,
      kind: base.kind,
      definition: revised as unknown as Record<string, unknown>,
      jurisdictionId: target.id,
      jurisdictionPath: target.path,
      publishedBy: context.actor.userId,
      reason: input.reason,
    });
    await recordAudit(tx, context, {
      action: 'report.publishTemplate',
      entityType: 'report_template',
      entityId: row.id,
      jurisdictionPath: target.path,
      before: { templateId: base.id, version: base.version },
      after: { code: base.code, version, deadline: revised.deadline.time, zeroReport: revised.zeroReport.allowed },
      reason: input.reason,
    });
    return templateView(row, context);
  });
}
