import type { DistrictInput } from '../platform/geography/geography.service.js';

type Ring = [number, number][];
const polygon = (ring: Ring) => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });

/**
 * Almaty's 8 district police departments (УП районов). The boundaries are APPROXIMATE
 * (hand-drawn, non-overlapping blocks around each district) and are marked as such wherever they show;
 * replace them with the official ones from the city's GIS. Populations are APPROXIMATE too (rounded,
 * summing to about 2.2 million as the city's) and serve rates per 100 000 in the demo.
 */
export const almatyDistricts: DistrictInput[] = [
  {
    id: 'alatau',
    population: { count: 340000, year: 2024 },
    code: '01',
    name: { ru: 'Алатауский район', kk: 'Алатау ауданы', en: 'Alatau district' },
    approximate: true,
    geometry: polygon([[76.7, 43.22], [76.82, 43.22], [76.82, 43.25], [76.88, 43.25], [76.88, 43.34], [76.7, 43.34]]),
  },
  {
    id: 'almaly',
    population: { count: 225000, year: 2024 },
    code: '02',
    name: { ru: 'Алмалинский район', kk: 'Алмалы ауданы', en: 'Almaly district' },
    approximate: true,
    geometry: polygon([[76.88, 43.235], [76.96, 43.235], [76.96, 43.275], [76.88, 43.275]]),
  },
  {
    id: 'auezov',
    population: { count: 310000, year: 2024 },
    code: '03',
    name: { ru: 'Ауэзовский район', kk: 'Әуезов ауданы', en: 'Auezov district' },
    approximate: true,
    geometry: polygon([[76.82, 43.19], [76.88, 43.19], [76.88, 43.25], [76.82, 43.25]]),
  },
  {
    id: 'bostandyk',
    population: { count: 390000, year: 2024 },
    code: '04',
    name: { ru: 'Бостандыкский район', kk: 'Бостандық ауданы', en: 'Bostandyk district' },
    approximate: true,
    geometry: polygon([[76.82, 43.13], [76.96, 43.13], [76.96, 43.235], [76.88, 43.235], [76.88, 43.19], [76.82, 43.19]]),
  },
  {
    id: 'zhetysu',
    population: { count: 180000, year: 2024 },
    code: '05',
    name: { ru: 'Жетысуский район', kk: 'Жетісу ауданы', en: 'Zhetysu district' },
    approximate: true,
    geometry: polygon([[76.88, 43.275], [76.96, 43.275], [76.96, 43.36], [76.88, 43.36]]),
  },
  {
    id: 'medeu',
    population: { count: 240000, year: 2024 },
    code: '06',
    name: { ru: 'Медеуский район', kk: 'Медеу ауданы', en: 'Medeu district' },
    approximate: true,
    geometry: polygon([[76.96, 43.13], [77.12, 43.13], [77.12, 43.28], [76.96, 43.28]]),
  },
  {
    id: 'nauryzbay',
    population: { count: 200000, year: 2024 },
    code: '07',
    name: { ru: 'Наурызбайский район', kk: 'Наурызбай ауданы', en: 'Nauryzbay district' },
    approximate: true,
    geometry: polygon([[76.7, 43.13], [76.82, 43.13], [76.82, 43.22], [76.7, 43.22]]),
  },
  {
    id: 'turksib',
    population: { count: 275000, year: 2024 },
    code: '08',
    name: { ru: 'Турксибский район', kk: 'Түрксіб ауданы', en: 'Turksib district' },
    approximate: true,
    geometry: polygon([[76.96, 43.28], [77.1, 43.28], [77.1, 43.42], [76.88, 43.42], [76.88, 43.36], [76.96, 43.36]]),
  },
];
