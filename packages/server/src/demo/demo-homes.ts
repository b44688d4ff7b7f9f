import {
  buildingAddress,
  createRandom,
  demoHouseholdMembers,
  demoHouseholdSize,
  demoResidents,
  demoUuid,
  householdAddress,
  type Random,
  type ResidentIdAllocator,
} from '@fangkong/core';
import type { PersonalDataCipher } from '../crypto/personal-data-cipher.ts';
import { sealPerson } from '../modules/persons/person-record.ts';
import type { PlaceInsert } from './demo.repository.ts';
import type { DemoGrid } from './demo-grids.ts';
import type { DemoWriter } from './demo-writer.ts';

export interface HomeCounts {
  buildings: number;
  units: number;
  households: number;
  residents: number;
}

/** What every grid's builder shares: the run's seed, the ID allocator, the writer and the running counts. */
export interface HomeContext {
  seed: number;
  referenceDate: string;
  cipher: PersonalDataCipher;
  ids: ResidentIdAllocator;
  writer: DemoWriter;
  counts: HomeCounts;
}

interface GridStreams {
  grid: DemoGrid;
  random: Random;
  uuids: Random;
  remaining: number;
}

// Walk-up blocks of 6 floors are the most common, then 11-floor and 18-floor towers; two flats per landing.
const FLOORS = [6, 6, 6, 11, 11, 18] as const;
const FLATS_PER_FLOOR = 2;
const VACANCY = 0.12;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function placeRow(g: GridStreams, kind: string, code: string, name: string, parent: PlaceInsert | null, address: string): PlaceInsert {
  const id = demoUuid(g.uuids);
  return {
    id,
    kind,
    name,
    code,
    parentPlaceId: parent?.id ?? null,
    jurisdictionId: g.grid.id,
    jurisdictionPath: g.grid.path,
    address,
    attributes: {},
  };
}

async function seedHousehold(ctx: HomeContext, g: GridStreams, unit: PlaceInsert, at: [number, number, number]): Promise<void> {
  const [building, unitNo, room] = at;
  const address = householdAddress(g.grid.area, building, unitNo, room);
  const household = placeRow(g, 'household', `${unit.code}-${pad(room, 4)}`, `${room}室`, unit, address);
  const size = Math.min(g.remaining, demoHouseholdSize(g.random));
  const members = demoHouseholdMembers(g.random, size, ctx.referenceDate);
  const residents = demoResidents(g.random, members, ctx.ids, ctx.referenceDate);
  await ctx.writer.place(household);
  for (const resident of residents) {
    const facts = { idType: 'resident_id' as const, ...resident, address, householdId: household.id ?? null };
    await ctx.writer.person({
      id: demoUuid(g.uuids),
      ...sealPerson(ctx.cipher, facts, { jurisdictionId: g.grid.id, jurisdictionPath: g.grid.path }),
    });
  }
  g.remaining -= residents.length;
  ctx.counts.households++;
  ctx.counts.residents += residents.length;
}

/** A unit (单元) and its occupied flats, floor by floor; some flats stay empty. */
async function seedUnit(ctx: HomeContext, g: GridStreams, building: PlaceInsert, numbers: [number, number], floors: number) {
  const [buildingNo, unitNo] = numbers;
  const unit = placeRow(g, 'unit', `${building.code}-${unitNo}`, `${unitNo}单元`, building, `${building.address}${unitNo}单元`);
  await ctx.writer.place(unit);
  ctx.counts.units++;
  for (let floor = 1; floor <= floors; floor++) {
    for (let flat = 1; flat <= FLATS_PER_FLOOR; flat++) {
      if (g.remaining === 0 || g.random.chance(VACANCY)) continue;
      await seedHousehold(ctx, g, unit, [buildingNo, unitNo, floor * 100 + flat]);
    }
  }
}

async function seedBuilding(ctx: HomeContext, g: GridStreams, buildingNo: number) {
  const units = g.random.int(2, 4);
  const floors = g.random.pick(FLOORS);
  const address = buildingAddress(g.grid.area, buildingNo);
  const building = placeRow(g, 'building', `${g.grid.villageCode}-${pad(buildingNo, 2)}`, `${buildingNo}幢`, null, address);
  await ctx.writer.place({ ...building, attributes: { units, floors } });
  ctx.counts.buildings++;
  for (let unitNo = 1; unitNo <= units; unitNo++) await seedUnit(ctx, g, building, [buildingNo, unitNo], floors);
}

/**
 * Buildings, units, households and residents of one grid until its share of residents lives there.
 * Buildings are numbered across the village (`firstBuilding` onwards); returns the next free number.
 */
export async function seedGridHomes(ctx: HomeContext, grid: DemoGrid, firstBuilding: number): Promise<number> {
  const g: GridStreams = {
    grid,
    random: createRandom(ctx.seed, 'homes', grid.code),
    uuids: createRandom(ctx.seed, 'uuids', grid.code),
    remaining: grid.residents,
  };
  let buildingNo = firstBuilding;
  while (g.remaining > 0) await seedBuilding(ctx, g, buildingNo++);
  return buildingNo;
}
