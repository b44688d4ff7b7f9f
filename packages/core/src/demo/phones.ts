import { type Random, weightedPicker, weightTable } from './random.ts';

/** Mainland mobile prefixes (China Mobile, Unicom, Telecom), weighted roughly by subscribers. */
const PREFIXES = weightedPicker(
  weightTable(`
139:8 138:8 137:6 136:6 135:6 134:3 150:5 151:5 152:4 157:2 158:5
159:5 182:4 183:3 187:4 188:3 198:2 130:4 131:3 132:3 155:3 156:3
185:3 186:4 166:2 133:3 153:3 180:3 181:3 189:4 177:2 199:2`),
);

/** An 11-digit mainland mobile number (`1[3-9]` + 9 digits). Generated, so it names nobody in particular. */
export function demoMobile(random: Random): string {
  const subscriber = String(random.int(0, 99_999_999)).padStart(8, '0');
  return PREFIXES(random) + subscriber;
}
