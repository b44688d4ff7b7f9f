import { Card, Col, Empty, Row, Spin, Tree, Typography } from 'antd';
import { useState } from 'react';
import type { JurisdictionNode } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ScopedJurisdiction, useScope } from '../../jurisdictions/scope.tsx';
import { toTreeItems } from '../../jurisdictions/use-jurisdiction-tree.ts';
import { JurisdictionDetailPanel } from './jurisdiction-detail.panel.tsx';

function NodeTitle({ node }: { node: JurisdictionNode }) {
  const { t } = useI18n();
  return (
    <span data-testid="jurisdiction-tree-node" data-code={node.code}>
      {node.name}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('jurisdiction.counts', { households: node.householdCount.toLocaleString(), residents: node.residentCount.toLocaleString() })}
      </Typography.Text>
    </span>
  );
}

/** Left: the caller's jurisdiction tree with household and resident counts; right: the selected one's detail and places. */
export function JurisdictionBrowserPage() {
  const { t } = useI18n();
  const { jurisdiction, select, tree } = useScope();
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const expandedKeys = expanded ?? tree.roots.map((root) => root.id);
  const open = (target: ScopedJurisdiction, parentId?: string) => {
    select(target);
    if (parentId && !expandedKeys.includes(parentId)) {
      void tree.loadChildren(parentId);
      setExpanded([...expandedKeys, parentId]);
    }
  };
  return (
    <Row gutter={16} wrap={false}>
      <Col flex="360px">
        <Card title={t('jurisdiction.tree')} size="small" styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflow: 'auto' } }}>
          {tree.loading ? (
            <Spin />
          ) : (
            <div data-testid="jurisdiction-tree">
              <Tree
                treeData={toTreeItems(tree, tree.roots, (node) => <NodeTitle node={node} />)}
                loadData={(node) => tree.loadChildren(String(node.key))}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={jurisdiction ? [jurisdiction.id] : []}
                onSelect={(keys) => {
                  const node = keys[0] === undefined ? undefined : tree.byId.get(String(keys[0]));
                  if (node) select(node);
                }}
                blockNode
              />
            </div>
          )}
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {jurisdiction ? (
          <JurisdictionDetailPanel id={jurisdiction.id} onOpen={open} />
        ) : (
          <Card>
            <Empty description={t('jurisdiction.selectHint')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
