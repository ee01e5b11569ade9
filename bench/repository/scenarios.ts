import type pg from 'pg';
import { addDays } from '../../common/terms/dates.js';

export interface Scenario {
  key: string;
  name: string;
  path: string;
  /** Why the answer is not what the filter asks for, or null when every row fits. */
  check(ids: string[]): Promise<string | null>;
}

/** Second words of partner names that no title or description contains, so a match can only come from the partner. */
const PARTNER_ONLY_WORDS = [
  'Logistik',
  'Bau',
  'Energie',
  'Immobilien',
  'Medien',
  'Technik',
  'Handel',
  'Pharma',
  'Druck',
];

/** The scenarios of issue 3 on the seeded big org, with their parameters read from the data. */
export async function scenarios(db: pg.Pool, orgId: string, today: string): Promise<Scenario[]> {
  const q = async <T>(text: string, values: unknown[]) => (await db.query(text, values)).rows as T[];
  const [unit] = await q<{ id: string }>(`select id from business_units where org_id = $1 and name = 'Sales'`, [orgId]);
  // A partner-name prefix with a middling number of contracts (about the 50th most used).
  const [partner] = await q<{ prefix: string; n: number }>(
    `select split_part(p.name, ' ', 1) || ' ' || split_part(p.name, ' ', 2) as prefix, count(*)::int as n
     from contracts c join partners p on p.org_id = c.org_id and p.id = c.partner_id
     where c.org_id = $1 and c.deleted_at is null and split_part(p.name, ' ', 2) = any($2)
     group by 1 order by 2 desc offset 50 limit 1`,
    [orgId, PARTNER_ONLY_WORDS],
  );
  const region = 'Iberia';
  const soon = addDays(today, 90);
  const every =
    (condition: string, extra: unknown[] = []) =>
    async (ids: string[]) => {
      if (ids.length === 0) return 'no rows';
      const [row] = await q<{ ok: boolean }>(
        `select bool_and(${condition}) as ok from contracts c left join partners p
       on p.org_id = c.org_id and p.id = c.partner_id where c.org_id = $1 and c.id = any($2)`,
        [orgId, ids, ...extra],
      );
      return row?.ok ? null : `rows that do not satisfy ${condition}`;
    };
  return [
    {
      key: 'a',
      name: 'noticeDeadline sort, status=active & businessUnitId',
      path: `/api/v1/contracts?sort=noticeDeadline&status=active&businessUnitId=${unit!.id}&limit=50`,
      check: every(`c.status = 'active' and c.business_unit_id = $3`, [unit!.id]),
    },
    {
      key: 'a2',
      name: 'noticeDeadline sort, deadline in next 90 days',
      path: `/api/v1/contracts?sort=noticeDeadline&noticeDeadlineFrom=${today}&noticeDeadlineTo=${soon}&limit=50`,
      check: every('c.notice_deadline between $3::date and $4::date', [today, soon]),
    },
    {
      key: 'b',
      name: `q=${partner!.prefix} (partner name, ${partner!.n} contracts)`,
      path: `/api/v1/contracts?q=${encodeURIComponent(partner!.prefix)}&limit=50`,
      check: every(`p.name ilike $3 || '%'`, [partner!.prefix]),
    },
    {
      key: 'c',
      name: `cf.region=${region} (dropdown)`,
      path: `/api/v1/contracts?cf.region=${encodeURIComponent(region)}&limit=50`,
      check: every(`c.custom->>'region' = $3`, [region]),
    },
  ];
}
