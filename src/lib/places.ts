/** The places the archive files stories under: cities of Shanxi and, below them, counties or districts. */
export interface County {
  /** Name as printed, e.g. 灵石县. */
  name: string;
  /** Lowercase ASCII used in URLs; never changes once published. */
  slug: string;
}

export interface City extends County {
  counties: readonly County[];
}

/** The province every registered city belongs to. */
export const PROVINCE = '山西省';

/** Every place a story may name. Add a place here before a story uses it. */
export const CITIES: readonly City[] = [
  { name: '太原市', slug: 'taiyuan', counties: [] },
  { name: '长治市', slug: 'changzhi', counties: [] },
  { name: '晋城市', slug: 'jincheng', counties: [] },
  { name: '朔州市', slug: 'shuozhou', counties: [{ name: '平鲁区', slug: 'pinglu' }] },
  {
    name: '晋中市',
    slug: 'jinzhong',
    counties: [
      { name: '灵石县', slug: 'lingshi' },
      { name: '昔阳县', slug: 'xiyang' },
    ],
  },
];

/** The city with this printed name, if the registry has it. */
export function findCity(name: string): City | undefined {
  return CITIES.find((city) => city.name === name);
}

/** The county with this printed name inside the given city, if the registry has it. */
export function findCounty(city: City, name: string): County | undefined {
  return city.counties.find((county) => county.name === name);
}
