import { TreeSelect } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf } from '../i18n/labels.ts';
import { useScope } from './scope.tsx';
import { toTreeItems } from './use-jurisdiction-tree.ts';

/** The header's tree picker: its selection scopes every page. Starts on the first of the caller's subtrees. */
export function JurisdictionPicker() {
  const { t } = useI18n();
  const { jurisdiction, select, tree } = useScope();
  const first = tree.roots[0];
  useEffect(() => {
    if (!jurisdiction && first) select(first);
  }, [jurisdiction, first, select]);
  const treeData = toTreeItems(tree, tree.roots, (node) => `${node.name} · ${labelOf(t, 'jurisdiction.level', node.level)}`);
  return (
    <span data-testid="jurisdiction-picker">
      <TreeSelect<{ value: string; label?: ReactNode }>
        style={{ width: 280 }}
        labelInValue
        value={jurisdiction ? { value: jurisdiction.id, label: jurisdiction.name } : undefined}
        treeData={treeData}
        loadData={(node) => tree.loadChildren(String(node.value))}
        placeholder={t('app.scopePlaceholder')}
        loading={tree.loading}
        treeDefaultExpandedKeys={first ? [first.id] : []}
        showSearch={{ treeNodeFilterProp: 'title' }}
        popupMatchSelectWidth={360}
        onChange={(picked) => {
          const node = picked && tree.byId.get(picked.value);
          if (node) select(node);
        }}
      />
    </span>
  );
}
