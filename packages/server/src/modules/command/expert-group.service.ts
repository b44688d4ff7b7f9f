import { COMMAND_EXPERT_GROUP_TEMPLATES, conflict, type ExpertGroupKind, type ExpertGroupLevel, invalid, notFound } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { expertGroupInScope, headquartersInScope } from './command-access.ts';
import { detailOf } from './headquarters.service.ts';
import { bumpHeadquarters, expertGroupsOf, type HeadquartersRow, insertExpertGroup, updateExpertGroup } from './organization.repository.ts';
import { expertGroupFromTemplate } from './organization-template.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface ExpertGroupFields {
  nameZh?: string;
  nameEn?: string;
  established?: boolean;
  recommendedBy?: string | null;
  duties?: string[];
}

export interface NewExpertGroup extends ExpertGroupFields {
  templateKey?: string;
  kind?: ExpertGroupKind;
  level?: ExpertGroupLevel;
}

/** An expert group of the headquarters (ORG-050, ORG-051): its own, or a higher level's reviewers as an outside body. */
export async function addExpertGroup(deps: Deps, context: RequestContext, hqId: string, input: NewExpertGroup) {
  const db = deps.database.db;
  const hq = await headquartersInScope(db, context, hqId, 'command.write');
  const template = input.templateKey ? COMMAND_EXPERT_GROUP_TEMPLATES.find((t) => t.key === input.templateKey) : undefined;
  if (input.templateKey && !template) throw invalid('templateKey', 'unknownTemplate');
  if (!template && !input.nameZh?.trim()) throw invalid('nameZh', 'required');
  if (!template && (!input.kind || !input.level)) throw invalid(input.kind ? 'level' : 'kind', 'required');
  const created = await db.transaction(async (tx) => {
    if (template && (await expertGroupsOf(tx, hq.id)).some((e) => e.templateKey === template.key)) {
      throw conflict('templateKey', 'groupExists');
    }
    const row = template
      ? await expertGroupFromTemplate(tx, hq, template)
      : await insertExpertGroup(tx, {
          headquartersId: hq.id,
          kind: input.kind ?? 'epidemic_control',
          level: input.level ?? 'district',
          nameZh: input.nameZh?.trim() ?? '',
          nameEn: input.nameEn?.trim() || (input.nameZh?.trim() ?? ''),
          established: input.established ?? true,
          recommendedBy: input.recommendedBy ?? null,
          duties: input.duties ?? [],
          jurisdictionId: hq.jurisdictionId,
          jurisdictionPath: hq.jurisdictionPath,
        });
    await bumpHeadquarters(tx, hq.id);
    await recordAudit(tx, context, {
      action: 'command.addExpertGroup',
      entityType: 'expert_group',
      entityId: row.id,
      jurisdictionPath: hq.jurisdictionPath,
      after: { nameZh: row.nameZh, kind: row.kind, level: row.level, established: row.established },
    });
    return row;
  });
  return expertView(deps, context, hq, created.id);
}

/** E.g. the decision-consultation group "目前未成立" becomes established (ORG-050: the status is recorded). */
export async function changeExpertGroup(deps: Deps, context: RequestContext, id: string, change: ExpertGroupFields & { reason: string }) {
  const db = deps.database.db;
  const row = await expertGroupInScope(db, context, id, 'command.write');
  const hq = await headquartersInScope(db, context, row.headquartersId, 'command.write');
  const { reason, ...fields } = change;
  await db.transaction(async (tx) => {
    await updateExpertGroup(tx, id, fields);
    await bumpHeadquarters(tx, hq.id);
    await recordAudit(tx, context, {
      action: 'command.changeExpertGroup',
      entityType: 'expert_group',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { nameZh: row.nameZh, established: row.established, recommendedBy: row.recommendedBy },
      after: fields,
      reason,
    });
  });
  return expertView(deps, context, hq, id);
}

async function expertView(deps: Deps, context: RequestContext, hq: HeadquartersRow, id: string) {
  const view = (await detailOf(deps, context, hq)).expertGroups.find((e) => e.id === id);
  if (!view) throw notFound('id');
  return view;
}
