import { Space, Tag } from 'antd';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CLOCK_COLORS, caseLabel } from './case-labels.ts';

export interface ClockItem {
  clock: string;
  dueAt: string;
  doneAt: string | null;
  state: string;
  minutesLeft: number | null;
}

/** The case's deadline clocks (CASE-001): which, due when, and its state. */
export function CaseClocks({ clocks }: { clocks: ClockItem[] }) {
  const { t } = useI18n();
  return (
    <Space wrap size={4}>
      {clocks.map((c) => (
        <Tag key={c.clock} color={CLOCK_COLORS[c.state]} data-clock={c.clock} data-state={c.state}>
          {caseLabel(t, 'case.clock', c.clock)} · {caseLabel(t, 'case.clockState', c.state)} ·{' '}
          {formatTime(c.doneAt ?? c.dueAt, 'MM-DD HH:mm')}
        </Tag>
      ))}
    </Space>
  );
}
