import { Tag } from 'antd';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';

const COLOUR_TAG: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };

export function ColourTag({ colour, t }: { colour: string; t: Translate }) {
  return (
    <Tag color={COLOUR_TAG[colour] ?? 'default'} data-testid={`code-colour-${colour}`}>
      {t(`code.colour.${colour}` as MessageKey)}
    </Tag>
  );
}

export const codeStatusLabel = (t: Translate, status: string) => t(`code.status.${status}` as MessageKey);
export const appealStatusLabel = (t: Translate, status: string) => t(`appeal.status.${status}` as MessageKey);
