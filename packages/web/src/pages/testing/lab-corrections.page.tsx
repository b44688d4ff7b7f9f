import { Space } from 'antd';
import { LabCorrectionCard } from './lab-correction.card.tsx';
import { LabCorrectionsQueue } from './lab-corrections.queue.tsx';

/** 结果更正审核: the approvers' queue (testing.manage), and a tube's result and history by barcode. */
export function LabCorrectionsPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <LabCorrectionsQueue />
      <LabCorrectionCard mayRequest={false} />
    </Space>
  );
}
