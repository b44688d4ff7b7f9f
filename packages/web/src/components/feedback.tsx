import { App, type FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { useEffect } from 'react';
import { ApiError } from '../api/client.ts';

let messageApi: MessageInstance | null = null;

/** Lets code outside components (the query cache) show antd messages with the app's theme and locale. */
export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    messageApi = message;
  }, [message]);
  return null;
}

export function showError(error: unknown) {
  if (error instanceof ApiError && error.status === 401) return;
  const text = error instanceof Error ? error.message : String(error);
  const suffix = error instanceof ApiError && error.status >= 500 && error.requestId ? ` (${error.requestId})` : '';
  messageApi?.error(`${text}${suffix}`);
}

export function showSuccess(text: string) {
  messageApi?.success(text);
}

/** A 4xx that names one of the form's fields goes under that field; anything else becomes a message. */
export function applyFormError(form: FormInstance, error: unknown, fields: readonly string[]) {
  if (error instanceof ApiError && error.field && fields.includes(error.field)) {
    form.setFields([{ name: error.field, errors: [error.message] }]);
    return;
  }
  showError(error);
}
