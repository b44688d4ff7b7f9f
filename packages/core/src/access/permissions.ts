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
  'keyPerson.read',
  'keyPerson.write',
  'keyPerson.sign',
  'site.read',
  'site.manage',
  'alert.read',
  'testing.read',
  'testing.sample',
  'testing.labResult',
  'testing.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
