import { Card, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { formatTime } from '../../components/time.ts';
import { useCode } from './h5-api.ts';
import { useH5 } from './h5-i18n.ts';

export const COLOURS: Record<string, string> = { green: '#1f9d55', yellow: '#e0a800', red: '#d93026' };

/** The signed token as an SVG QR code (checkpoint devices verify it offline with the public keys). */
function QrImage({ token, colour }: { token: string; colour: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: COLOURS[colour] ?? '#000', light: '#fff' } })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [token, colour]);
  return src ? <img src={src} alt="QR" data-testid="code-qr" style={{ width: 220, height: 220 }} /> : <div style={{ height: 220 }} />;
}

export function CodeCard({ personId }: { personId: string }) {
  const { t, reason } = useH5();
  const code = useCode(personId);
  if (!code.data) return <Card loading />;
  const { colour, because, token, expiresAt, name, viaProxy, ruleVersion } = code.data;
  return (
    <Card data-testid="code-card" styles={{ body: { textAlign: 'center' } }} style={{ borderTop: `6px solid ${COLOURS[colour]}` }}>
      <Typography.Text strong style={{ fontSize: 18 }}>
        {name}
      </Typography.Text>
      {viaProxy && (
        <div>
          <Tag color="blue">{t('viaProxy')}</Tag>
        </div>
      )}
      <div style={{ margin: '12px 0' }}>
        <QrImage token={token} colour={colour} />
      </div>
      <div data-testid="code-colour" style={{ fontSize: 26, fontWeight: 700, color: COLOURS[colour] }}>
        {t(`colour.${colour}`)}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('expires')} {formatTime(expiresAt, 'MM-DD HH:mm')}
      </Typography.Text>
      <div style={{ textAlign: 'left', marginTop: 16 }} data-testid="code-reasons">
        <Typography.Text strong>{t('why')}</Typography.Text>
        {because.map((r) => (
          <div key={`${r.rule}-${r.clause}`} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div>{reason(r.rule, r.says)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.source} {r.clause}
              {r.configured ? ' *' : ''}
            </Typography.Text>
          </div>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ruleVersion')}: {ruleVersion}
        </Typography.Text>
      </div>
    </Card>
  );
}
