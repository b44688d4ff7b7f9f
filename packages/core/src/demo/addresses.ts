/** The named levels an address is written with, from province down to village or community. */
export interface DemoArea {
  province: string;
  city: string;
  county: string;
  town: string;
  village: string;
}

const areaText = (area: DemoArea) => `${area.province}${area.city}${area.county}${area.town}${area.village}`;

/** `江苏省常州市武进区湖塘镇南街社区3幢` */
export function buildingAddress(area: DemoArea, building: number): string {
  return `${areaText(area)}${building}幢`;
}

/** `江苏省常州市武进区湖塘镇南街社区3幢2单元501室` */
export function householdAddress(area: DemoArea, building: number, unit: number, room: number): string {
  return `${buildingAddress(area, building)}${unit}单元${room}室`;
}

/** `江苏省常州市武进区湖塘镇南街社区人民路18号` */
export function streetAddress(area: DemoArea, road: string, number: number): string {
  return `${areaText(area)}${road}${number}号`;
}

/** 湖塘镇 → 湖塘, 戚墅堰街道 → 戚墅堰; zones (高新区) keep their full name. */
export function townShortName(name: string): string {
  const short = name.replace(/(街道|镇|乡)$/, '');
  return short.length >= 2 ? short : name;
}
