import type { CreateWorkshopRequest, CreateWorkshopResponse } from '../../shared/http.ts';
import type { ProfileField, ProfileValues } from '../../shared/profile.ts';
import { SimPerson, type SimOptions } from './person.ts';

export const DEMO_FIELDS: ProfileField[] = [
  {
    id: 'organisation',
    label: 'Organisation',
    required: true,
    choices: [],
  },
  {
    id: 'country',
    label: 'Country',
    required: false,
    choices: ['Greece', 'Italy', 'Germany', 'Uganda', 'Kenya', 'Jordan', 'Lebanon', 'Colombia', 'Türkiye', 'Bangladesh'],
  },
  { id: 'language', label: 'Language', required: false, choices: ['English', 'Arabic', 'French', 'Spanish', 'Swahili', 'Dari'] },
];

const FIRST = ['Amina', 'Yusuf', 'Maria', 'Chen', 'Fatima', 'Omar', 'Grace', 'Luis', 'Nadia', 'Samuel', 'Leyla', 'Jonas',
  'Aisha', 'Pedro', 'Hana', 'Tariq', 'Zainab', 'Ibrahim', 'Sofia', 'Kwame', 'Mariam', 'Dawit', 'Elena', 'Farid', 'Noor',
  'Esther', 'Ali', 'Rosa', 'Hamza', 'Selin'];
const ORGS = ['Refugee Rights Europe', 'Jesuit Refugee Service', 'Kakuma Youth Voice', 'Caritas Lebanon',
  'Asylum Support Network', 'Welcome Circle Berlin', 'Mercy Corps Jordan', 'Sea-Watch', 'Young Africans for Integration',
  'Red Cross Athens', 'Migrant Voice', 'Refugee-Led Research Hub'];

/** Deterministic varied people for tests, the demo and benchmarks: person i is always the same. */
export function personAt(i: number): { name: string; profile: ProfileValues } {
  const name = `${FIRST[i % FIRST.length]}${i >= FIRST.length ? ` ${Math.floor(i / FIRST.length) + 1}` : ''}`;
  const countries = DEMO_FIELDS[1]!.choices;
  const languages = DEMO_FIELDS[2]!.choices;
  return {
    name,
    profile: {
      organisation: ORGS[(i * 7) % ORGS.length]!,
      country: countries[(i * 3) % countries.length]!,
      language: languages[i % languages.length]!,
    },
  };
}

export async function createWorkshop(url: string, request: CreateWorkshopRequest): Promise<CreateWorkshopResponse> {
  const res = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateWorkshopResponse;
}

export async function hostOf(url: string, w: CreateWorkshopResponse, options?: SimOptions): Promise<SimPerson> {
  const host = new SimPerson(url, options);
  const result = await host.start({ type: 'host', workshopId: w.workshopId, hostKey: w.hostKey });
  if (!result.ok) throw new Error(`host session failed: ${result.error.message}`);
  await host.untilConsole(() => true);
  return host;
}

/** One participant joined by code; throws if the join is refused. */
export async function joinAs(
  url: string,
  code: string,
  who: { name: string; profile?: ProfileValues },
  options?: SimOptions,
): Promise<SimPerson> {
  const p = new SimPerson(url, options);
  const result = await p.start({ type: 'join', code, name: who.name, profile: who.profile ?? {} });
  if (!result.ok) {
    p.close();
    throw new Error(`join failed for ${who.name}: ${result.error.message}`);
  }
  await p.untilView(() => true);
  return p;
}

/** `n` participants joined with at most `concurrency` joining at once. */
export async function crowd(
  url: string,
  code: string,
  n: number,
  options: SimOptions & { concurrency?: number; offset?: number } = {},
): Promise<SimPerson[]> {
  const people: SimPerson[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      people[i] = await joinAs(url, code, personAt(i + (options.offset ?? 0)), options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, options.concurrency ?? 50) }, worker));
  return people;
}
