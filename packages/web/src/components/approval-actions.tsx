import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSession } from '../auth/session.tsx';
import { ReasonModal } from '../pages/users/reason.modal.tsx';

/** A request in a two-person approval queue. */
export interface Decidable {
  id: string;
  status: string;
  requestedBy: string;
}

interface Options {
  /** The caller holds the approving permission. */
  approver: boolean;
  labels: { approve: string; reject: string };
  approve: UseMutationResult<unknown, Error, string>;
  reject: UseMutationResult<unknown, Error, { id: string; reason: string }>;
}

/**
 * The actions of a two-person approval queue (manual code changes, lab result corrections): approve
 * at once, reject with a reason. No button on a decided request, nor on the caller's own (the server
 * refuses both anyway). Render `modal` once beside the table.
 */
export function useApprovalActions({ approver, labels, approve, reject }: Options): {
  actions: (row: Decidable) => ReactNode;
  modal: ReactNode;
} {
  const { me } = useSession();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const actions = (row: Decidable) =>
    row.status === 'pending' && approver && row.requestedBy !== me.id ? (
      <Space>
        <Button size="small" type="primary" data-testid="approve" loading={approve.isPending} onClick={() => approve.mutate(row.id)}>
          {labels.approve}
        </Button>
        <Button size="small" danger data-testid="reject" onClick={() => setRejecting(row.id)}>
          {labels.reject}
        </Button>
      </Space>
    ) : null;
  const modal = (
    <ReasonModal
      open={rejecting !== null}
      title={labels.reject}
      loading={reject.isPending}
      onCancel={() => setRejecting(null)}
      onSubmit={(reason) => rejecting && reject.mutate({ id: rejecting, reason }, { onSuccess: () => setRejecting(null) })}
    />
  );
  return { actions, modal };
}
