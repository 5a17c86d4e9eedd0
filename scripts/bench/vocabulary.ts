/**
 * Rare vocabulary for synthetic stories: names of people, villages and towns, organisations and
 * numbers, each kind a ranked list of distinct items. A story draws items by a Zipf-like law (item
 * r about as often as 1/r: a few items in thousands of stories, most in very few), and only items
 * whose period (a window of years) covers the story's year, so that an archive holds rare, medium
 * and common terms at every size. Items are computed from their rank, never stored: the lists
 * cost no memory, and the same seed gives the same corpus.
 */

/**
 * A rank from 1 to `size` for a uniform `u` in [0, 1): rank r with probability
 * log((r + 1) / r) / log(size + 1), close to (1/r) / H(size), the Zipf law with exponent 1.
 * Inverse sampling of the continuous law, so one draw costs one Math.pow whatever the size.
 */
export function zipfRank(u: number, size: number): number {
  if (!(size >= 1)) throw new Error('zipfRank: size must be at least 1');
  return Math.min(size, Math.max(1, Math.floor((size + 1) ** u)));
}

/** A 32-bit integer hash (a step of murmur3's finaliser): item properties from ranks, without a PRNG. */
function hash32(n: number): number {
  let h = Math.imul(n ^ (n >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const FIRST_YEAR = 2016;
export const YEARS = 10;
/** Ranks up to this many are in use every year (the names everybody writes about). */
export const EVERGREEN_RANKS = 12;

/** The years an item is in use: the top ranks always, the others one to three consecutive years. */
export function itemPeriod(kind: number, rank: number): { from: number; to: number } {
  if (rank <= EVERGREEN_RANKS) return { from: FIRST_YEAR, to: FIRST_YEAR + YEARS - 1 };
  const h = hash32(rank * 31 + kind);
  const from = FIRST_YEAR + (h % YEARS);
  return { from, to: Math.min(FIRST_YEAR + YEARS - 1, from + ((h >>> 8) % 3)) };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Rank r (1…size) → a position in 0…size−1, a bijection that scatters neighbouring ranks, so the
 * most used names are not all built from the first characters of the lists.
 */
export function scatter(rank: number, size: number): number {
  let step = Math.floor(size * 0.6180339887) | 1;
  while (gcd(step, size) !== 1) step++;
  // Sizes stay below a million, so the product is exact in a double.
  return (rank * step) % size;
}

/** The characters of a list, each once (a repeated one would make two ranks one item). */
const chars = (s: string): string[] => [...new Set(s)];
const SURNAMES = chars(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
);
const GIVEN = chars(
  '建国华明伟芳军磊强敏静丽勇艳杰涛超秀娟英平刚桂兰志红霞玉峰晓晨宇浩然欣怡佳琪思雨文博新发展业产能源工程科技振兴立',
);
const PLACE_CHARS = chars(
  '柳沟河店庄坪峪寨堡岭塬坡泉湾营屯台南北东西上下大小前后中新兴安和平丰宁红石杨桃李杏枣梨马牛羊龙凤青白黄高',
);
const PLACE_SUFFIXES = chars('村镇乡');
const ORG_CHARS = chars('晋华泰鑫源恒通达瑞丰盛宏安康兴隆顺昌汇嘉禾德润科能创新智联合发展绿色清洁资源');
const ORG_SUFFIXES = ['有限公司', '科技有限公司', '能源有限公司', '研究院', '专业合作社', '合作社', '集团'];

export type VocabularyKind = 'person' | 'place' | 'organisation' | 'amount' | 'tonnage' | 'date';

export interface Vocabulary {
  kind: VocabularyKind;
  /** Number of distinct items (ranks 1…size). */
  size: number;
  /** The item of a rank, the same string every time. */
  item: (rank: number) => string;
}

/** Digits of `n` in mixed radix `radices` (least significant first). */
function digits(n: number, radices: readonly number[]): number[] {
  return radices.map((radix) => {
    const d = n % radix;
    n = Math.floor(n / radix);
    return d;
  });
}

/** Surname and one or two given characters: 王建华, 李浩. Two-character given names fill most ranks. */
const PERSON_SIZE = SURNAMES.length * (GIVEN.length + GIVEN.length ** 2);
const person = (rank: number): string => {
  const [s, rest] = digits(scatter(rank, PERSON_SIZE), [SURNAMES.length, GIVEN.length + GIVEN.length ** 2]);
  const given =
    rest! < GIVEN.length
      ? GIVEN[rest!]!
      : GIVEN[Math.floor((rest! - GIVEN.length) / GIVEN.length)]! + GIVEN[(rest! - GIVEN.length) % GIVEN.length]!;
  return SURNAMES[s!]! + given;
};

const PLACE_SIZE = PLACE_CHARS.length ** 2 * PLACE_SUFFIXES.length;
const place = (rank: number): string => {
  const [a, b, s] = digits(scatter(rank, PLACE_SIZE), [PLACE_CHARS.length, PLACE_CHARS.length, PLACE_SUFFIXES.length]);
  return PLACE_CHARS[a!]! + PLACE_CHARS[b!]! + PLACE_SUFFIXES[s!]!;
};

const ORG_SIZE = ORG_CHARS.length ** 2 * ORG_SUFFIXES.length;
const organisation = (rank: number): string => {
  const [a, b, s] = digits(scatter(rank, ORG_SIZE), [ORG_CHARS.length, ORG_CHARS.length, ORG_SUFFIXES.length]);
  return ORG_CHARS[a!]! + ORG_CHARS[b!]! + ORG_SUFFIXES[s!]!;
};

/** 2418 → "2,418": the paper's half-width thousands comma (toLocaleString is slow). */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** 0.1亿元 … 99.9亿元 and 1万元 … 9,999万元. */
const AMOUNT_SIZE = 999 + 9999;
const amount = (rank: number): string => {
  const n = scatter(rank, AMOUNT_SIZE);
  return n < 999 ? `${((n + 1) / 10).toFixed(1).replace(/\.0$/, '')}亿元` : `${thousands(n - 998)}万元`;
};

/** 1,000吨 … 99,999吨, with the paper's half-width thousands comma. */
const TONNAGE_SIZE = 99_000;
const tonnage = (rank: number): string => `${thousands(scatter(rank, TONNAGE_SIZE) + 1000)}吨`;

/** A day of the ten years: 2019年3月12日. */
const DATE_SIZE = YEARS * 12 * 28;
const date = (rank: number): string => {
  const [d, m, y] = digits(scatter(rank, DATE_SIZE), [28, 12, YEARS]);
  return `${FIRST_YEAR + y!}年${m! + 1}月${d! + 1}日`;
};

export const VOCABULARIES: Record<VocabularyKind, Vocabulary> = {
  person: { kind: 'person', size: PERSON_SIZE, item: person },
  place: { kind: 'place', size: PLACE_SIZE, item: place },
  organisation: { kind: 'organisation', size: ORG_SIZE, item: organisation },
  amount: { kind: 'amount', size: AMOUNT_SIZE, item: amount },
  tonnage: { kind: 'tonnage', size: TONNAGE_SIZE, item: tonnage },
  date: { kind: 'date', size: DATE_SIZE, item: date },
};
const KIND_INDEX: Record<VocabularyKind, number> = {
  person: 1,
  place: 2,
  organisation: 3,
  amount: 4,
  tonnage: 5,
  date: 6,
};

/**
 * An item of `kind` in use in `year`: Zipf draws until one's period covers the year (the top
 * ranks always do, so this ends quickly; after 64 misses the top item is taken).
 */
export function drawItem(kind: VocabularyKind, year: number, rand: () => number): string {
  const vocabulary = VOCABULARIES[kind];
  for (let tries = 0; tries < 64; tries++) {
    const rank = zipfRank(rand(), vocabulary.size);
    const { from, to } = itemPeriod(KIND_INDEX[kind], rank);
    if (year >= from && year <= to) return vocabulary.item(rank);
  }
  return vocabulary.item(1);
}

type Slots = Record<VocabularyKind, string>;
/** Sentences a paragraph may end with, in the paper's style (half-width commas, as it prints them). */
const TEMPLATES: { uses: VocabularyKind[]; text: (v: Slots) => string }[] = [
  {
    uses: ['organisation', 'place', 'amount'],
    text: (v) => `记者从${v.organisation}了解到,${v.place}今年已完成投资${v.amount}。`,
  },
  {
    uses: ['organisation', 'person', 'tonnage'],
    text: (v) => `${v.organisation}负责人${v.person}介绍,项目建成后年处理能力可达${v.tonnage}。`,
  },
  { uses: ['place', 'person'], text: (v) => `${v.place}党支部书记${v.person}说,这几年村里的变化大家都看得见。` },
  {
    uses: ['date', 'organisation', 'place', 'amount'],
    text: (v) => `截至${v.date},${v.organisation}累计带动${v.place}农户增收${v.amount}。`,
  },
  {
    uses: ['person', 'organisation', 'date', 'place'],
    text: (v) => `${v.person}是${v.organisation}的技术骨干,${v.date}起驻${v.place}开展服务。`,
  },
  {
    uses: ['place', 'tonnage', 'date'],
    text: (v) => `${v.place}去年收储秸秆${v.tonnage},${v.date}前全部完成综合利用。`,
  },
];
/** Headline openings: the item that makes the news. */
const HEADLINE_KINDS: VocabularyKind[] = ['place', 'organisation', 'person'];

export interface Insertion {
  text: string;
  /** The vocabulary items the text holds. */
  items: string[];
}

/** One template sentence with fresh items for a story of `year`. */
export function vocabularySentence(year: number, rand: () => number): Insertion {
  const template = TEMPLATES[Math.floor(rand() * TEMPLATES.length)]!;
  const slots = {} as Slots;
  for (const kind of template.uses) slots[kind] = drawItem(kind, year, rand);
  return { text: template.text(slots), items: template.uses.map((kind) => slots[kind]) };
}

/** An item to open a headline with. */
export function headlineItem(year: number, rand: () => number): string {
  return drawItem(HEADLINE_KINDS[Math.floor(rand() * HEADLINE_KINDS.length)]!, year, rand);
}
