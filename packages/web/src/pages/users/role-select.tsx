import { ROLES, type Role } from '@fangkong/core';
import { Select, TreeSelect } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useScope } from '../../jurisdictions/scope.tsx';
import { toTreeItems } from '../../jurisdictions/use-jurisdiction-tree.ts';

export function RoleSelect(props: { value?: Role; onChange?: (role: Role) => void }) {
  const { t } = useI18n();
  return (
    <Select<Role> {...props} options={ROLES.map((role) => ({ value: role, label: labelOf(t, 'role', role) }))} data-testid="role-select" />
  );
}

/** A jurisdiction from the caller's own tree (the server refuses anything outside the admin's scope). */
export function JurisdictionSelect(props: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useI18n();
  const { tree } = useScope();
  return (
    <TreeSelect
      {...props}
      treeData={toTreeItems(tree, tree.roots, (node) => `${node.name} · ${labelOf(t, 'jurisdiction.level', node.level)}`)}
      loadData={(node) => tree.loadChildren(String(node.value))}
      showSearch={{ treeNodeFilterProp: 'title' }}
      data-testid="jurisdiction-select"
    />
  );
}
