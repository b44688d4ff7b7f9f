import { type Random, weightedPicker, weightTable } from './random.ts';

/**
 * Surnames weighted by share (per ten thousand). National shares from the 2020 census surname
 * report, nudged towards southern Jiangsu (钱, 蒋, 沈, 顾, 陆, 恽, 承 are common around Changzhou).
 */
const SURNAME_TABLE = `
王:620 李:560 张:560 陈:600 刘:420 杨:300 黄:220 赵:180 吴:260 周:260 徐:280 孙:180 马:100 朱:240 胡:130 郭:90
何:100 林:90 高:100 罗:70 郑:80 梁:60 谢:70 宋:70 唐:80 许:120 韩:60 冯:60 邓:50 曹:80 彭:50 曾:40
肖:50 田:40 董:60 袁:70 潘:80 于:40 蒋:150 蔡:70 余:50 杜:40 叶:60 程:50 苏:50 魏:40 吕:40 丁:90
任:40 沈:150 姚:90 卢:40 姜:50 崔:30 钟:30 谭:30 陆:130 汪:50 范:50 金:60 石:40 廖:20 贾:30 夏:60
韦:20 付:30 方:50 白:30 邹:60 孟:30 熊:20 秦:40 邱:30 江:40 尹:30 薛:60 闫:20 段:20 雷:20 侯:30
龙:20 史:40 陶:50 黎:10 贺:20 顾:120 毛:40 郝:20 龚:40 邵:50 万:30 钱:130 严:50 覃:10 武:20 戴:70
莫:20 孔:30 向:10 汤:60 庄:60 盛:50 华:40 恽:30 承:20 储:30 瞿:20 须:10 芮:20 吉:20 巢:10 是:10`;

const pickSurname = weightedPicker(weightTable(SURNAME_TABLE));

export type Gender = 'male' | 'female';

/** Given-name characters change with the times: a 1950s 秀英 is a 2010s 梓涵. */
export type NameEra = 'before1970' | 'from1970' | 'from1990' | 'from2005';

interface GivenPool {
  first: string;
  second: string;
  singleShare: number;
}

const GIVEN: Record<NameEra, Record<Gender, GivenPool>> = {
  before1970: {
    male: { first: '建国志德明永国立金福文荣春德根兴伟保宝海忠', second: '国华明平林生军强民忠荣根发兴良成福清祥新', singleShare: 0.2 },
    female: { first: '秀桂玉凤美金淑春兰丽月素彩菊翠梅巧雪', second: '英兰珍芳华琴芬花娣凤梅娟妹珠红云霞贞', singleShare: 0.15 },
  },
  from1970: {
    male: { first: '建晓志海卫伟永国明国小立俊文振红新剑', second: '军华平东峰刚伟斌强勇波辉明亮杰涛彬锋', singleShare: 0.25 },
    female: { first: '丽晓海春小建红燕雪美秀玲慧静晓亚', second: '萍燕红娟霞琴玲丽芳敏静洁艳华云梅莉蓉', singleShare: 0.25 },
  },
  from1990: {
    male: { first: '俊晨子浩一宇志嘉文家天泽明博思佳凯鑫', second: '杰宇豪轩涛鹏辉伟超磊凯阳晨浩然博林帆', singleShare: 0.2 },
    female: { first: '思雨佳欣梦婷晓嘉文雅静诗子心紫', second: '婷琪怡雯颖洁倩琳佳蕾薇雪悦媛妍晴瑶娜', singleShare: 0.15 },
  },
  from2005: {
    male: { first: '子浩宇梓俊一铭睿皓奕沐锦嘉博宸逸承', second: '轩辰泽宇涵睿航阳然铭熙宸川恒哲朗诚霖', singleShare: 0.08 },
    female: { first: '梓若欣一语诗可雨子思沐书紫芷安依', second: '涵萱彤琪悦瑶妍汐菲怡诺然冉希玥晗宁溪', singleShare: 0.06 },
  },
};

export function demoSurname(random: Random): string {
  return pickSurname(random);
}

export function nameEraOf(birthYear: number): NameEra {
  if (birthYear < 1970) return 'before1970';
  if (birthYear < 1990) return 'from1970';
  return birthYear < 2005 ? 'from1990' : 'from2005';
}

const characters = (text: string) => Array.from(text);
const POOLS = new Map<string, { first: string[]; second: string[]; singleShare: number }>();
for (const [era, byGender] of Object.entries(GIVEN)) {
  for (const [gender, pool] of Object.entries(byGender)) {
    POOLS.set(`${era}/${gender}`, { first: characters(pool.first), second: characters(pool.second), singleShare: pool.singleShare });
  }
}

/** A given name of one or two characters in the style of the person's birth era. */
export function demoGivenName(random: Random, gender: Gender, birthYear: number): string {
  const pool = POOLS.get(`${nameEraOf(birthYear)}/${gender}`);
  if (!pool) throw new RangeError(`no name pool for ${gender} ${birthYear}`);
  if (random.chance(pool.singleShare)) return random.pick(pool.second);
  return random.pick(pool.first) + random.pick(pool.second);
}

/** A full zh-CN name: surname (given, or drawn by weight) then a given name. */
export function demoName(random: Random, gender: Gender, birthYear: number, surname = demoSurname(random)): string {
  return surname + demoGivenName(random, gender, birthYear);
}
