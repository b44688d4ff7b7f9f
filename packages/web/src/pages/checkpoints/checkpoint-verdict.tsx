import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ClauseRef } from '../../components/clause-ref.tsx';

const TONE = {
  allow: { background: '#389e0d', text: '#fff' },
  deny: { background: '#cf1322', text: '#fff' },
  register: { background: '#faad14', text: '#000' },
} as const;

interface Reason {
  says: string;
  source: string;
  clause: string;
}

/** The verdict as a big coloured panel a gatekeeper reads from a metre away, with the clause it rests on. */
export function VerdictPanel({
  decision,
  title,
  reasons,
  extra,
}: {
  decision: keyof typeof TONE;
  title: string;
  reasons: Reason[];
  extra?: ReactNode;
}) {
  const tone = TONE[decision];
  return (
    <Card style={{ background: tone.background, borderColor: tone.background }} data-testid="checkpoint-verdict" data-decision={decision}>
      <Typography.Title level={1} style={{ color: tone.text, margin: 0, fontSize: 48 }}>
        {title}
      </Typography.Title>
      {reasons.map((r) => (
        <Typography.Paragraph
          key={`${r.source}${r.clause}${r.says}`}
          style={{ color: tone.text, fontSize: 18, margin: '8px 0 0' }}
          data-testid="checkpoint-reason"
        >
          {r.says} <ClauseRef basis={{ source: r.source, clause: r.clause }} color="default" />
        </Typography.Paragraph>
      ))}
      {extra}
    </Card>
  );
}
