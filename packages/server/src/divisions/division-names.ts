/**
 * NBS lists villages by their committee (`南街社区居委会`, `蒋家村村民委员会`); people, addresses
 * and forms use the place name (`南街社区`, `蒋家村`). Notes in brackets (`（含卢家巷村村委）`) go too.
 */
export function villageDisplayName(nbsName: string): string {
  const name = nbsName.replace(/[（(][^）)]*[）)]$/, '').trim();
  const village = /^(.+?)(村民委员会|村委会)$/.exec(name);
  if (village?.[1]) return village[1].endsWith('村') ? village[1] : `${village[1]}村`;
  const community = /^(.+?)(居民委员会|居委会)$/.exec(name);
  if (community?.[1]) return community[1].endsWith('社区') ? community[1] : `${community[1]}社区`;
  return name;
}
