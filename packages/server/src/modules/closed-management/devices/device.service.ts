import { createHash, randomBytes } from 'node:crypto';
import { AppError, notFound } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { placeInScope } from '../closed-management-access.ts';
import { type DeviceRow, devicesOf, findDeviceByKeyHash, insertDevice, revokeDevice } from './device.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const deviceKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

const shown = (d: DeviceRow) => ({ id: d.id, checkpointId: d.placeId, name: d.name, status: d.status, lastSequence: d.lastSequence });

/** Registers a tablet for a checkpoint; its key is shown once and only its hash is kept. */
export async function registerDevice(deps: Deps, context: RequestContext, checkpointId: string, name: string) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.manage', 'checkpoint');
  const key = `fkd_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const device = await insertDevice(tx, {
      placeId: checkpoint.id,
      name,
      keyHash: deviceKeyHash(key),
      jurisdictionPath: checkpoint.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'checkpoint.device.register',
      entityType: 'checkpoint_device',
      entityId: device.id,
      jurisdictionPath: checkpoint.jurisdictionPath,
      after: { name },
    });
    return { ...shown(device), key };
  });
}

export async function listDevices(deps: Deps, context: RequestContext, checkpointId: string) {
  const checkpoint = await placeInScope(deps.database.db, context, checkpointId, 'checkpoint.manage', 'checkpoint');
  return { items: (await devicesOf(deps.database.db, checkpoint.id)).map(shown) };
}

export async function retireDevice(deps: Deps, context: RequestContext, checkpointId: string, deviceId: string) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.manage', 'checkpoint');
  return db.transaction(async (tx) => {
    const device = await revokeDevice(tx, deviceId, checkpoint.id);
    if (!device) throw notFound('deviceId');
    await recordAudit(tx, context, {
      action: 'checkpoint.device.revoke',
      entityType: 'checkpoint_device',
      entityId: device.id,
      jurisdictionPath: checkpoint.jurisdictionPath,
    });
    return shown(device);
  });
}

/** A device authenticates with its key: unknown → 401, revoked → 403, each saying why. */
export async function authenticateDevice(db: Db, key: string | undefined): Promise<DeviceRow> {
  if (!key) throw new AppError('unauthenticated', 'deviceKeyMissing', 'x-device-key');
  const device = await findDeviceByKeyHash(db, deviceKeyHash(key));
  if (!device) throw new AppError('unauthenticated', 'unknownDevice', 'x-device-key');
  if (device.status !== 'active') throw new AppError('forbidden', 'deviceRevoked', 'x-device-key');
  return device;
}

/** A fixed window per device (batches per minute): an offline tablet catching up still fits, a runaway one does not. */
export class DeviceRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly perMinute = 120,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  take(deviceId: string): void {
    const now = this.clock().getTime();
    const window = this.windows.get(deviceId);
    if (!window || now - window.start >= 60_000) {
      this.windows.set(deviceId, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > this.perMinute) {
      throw new AppError('tooMany', 'tooManyRequests', 'x-device-key', { retryAfter: Math.ceil((window.start + 60_000 - now) / 1000) });
    }
  }
}
