/** Every route declares one of these; roles grant them on a jurisdiction subtree. */
export const PERMISSIONS = [
  'jurisdiction.read',
  'jurisdiction.write',
  'place.read',
  'place.write',
  'person.read',
  'person.readFull',
  'person.write',
  'user.read',
  'user.admin',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
