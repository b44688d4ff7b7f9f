import {
  createRandom,
  DEMO_VENUE_KINDS,
  type DemoTown,
  type DemoVenue,
  type DemoVenueKind,
  demoUuid,
  demoVenues,
  type Random,
} from '@fangkong/core';
import type { JurisdictionRow, PlaceInsert } from './demo.repository.ts';
import type { CountyNames } from './demo-grids.ts';
import type { DemoWriter } from './demo-writer.ts';

export type VenueCounts = Record<DemoVenueKind, number>;

const emptyVenueCounts = () => Object.fromEntries(DEMO_VENUE_KINDS.map((kind) => [kind, 0])) as VenueCounts;

interface VenueContext {
  writer: DemoWriter;
  byCode: Map<string, JurisdictionRow>;
  uuids: Random;
  counts: VenueCounts;
}

async function writeVenue(ctx: VenueContext, venue: DemoVenue, parentId: string | null): Promise<void> {
  const at = ctx.byCode.get(venue.jurisdictionCode);
  if (!at) throw new Error(`venue ${venue.code} stands in unknown jurisdiction ${venue.jurisdictionCode}`);
  const row: PlaceInsert = {
    id: demoUuid(ctx.uuids),
    kind: venue.kind,
    name: venue.name,
    code: venue.code,
    parentPlaceId: parentId,
    jurisdictionId: at.id,
    jurisdictionPath: at.path,
    address: venue.address,
    attributes: venue.attributes,
  };
  await ctx.writer.place(row);
  ctx.counts[venue.kind]++;
  for (const child of venue.children) await writeVenue(ctx, child, row.id ?? null);
}

/** Schools, enterprises, markets, pharmacies, health centres with fever clinics, quarantine sites and checkpoints of every town. */
export async function seedVenues(seed: number, writer: DemoWriter, names: CountyNames, divisions: readonly JurisdictionRow[]) {
  const ctx: VenueContext = {
    writer,
    byCode: new Map(divisions.map((d) => [d.code, d])),
    uuids: createRandom(seed, 'venue-uuids'),
    counts: emptyVenueCounts(),
  };
  for (const town of divisions.filter((d) => d.level === 'town')) {
    const villages = divisions.filter((d) => d.parentId === town.id).map((v) => ({ code: v.code, name: v.name }));
    const demoTown: DemoTown = { code: town.code, name: town.name, area: names, villages };
    for (const venue of demoVenues(createRandom(seed, 'venues', town.code), demoTown)) await writeVenue(ctx, venue, null);
  }
  return ctx.counts;
}
