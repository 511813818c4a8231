// Peer benchmark: policies/shanxi-2017.toml written as json-rules-engine rules.
// Criteria are rules (priority 10) whose events carry the points, resolved from facts
// (replaceFactsInEventParams); tiers are rules (priorities 7, 6, 5: highest tier first) on the
// running total; entitlements are rules (priority 1) on the tier. Success handlers add
// points, set the tier and record grants in a per-dossier `decision` fact.
// Usage: node shanxi_json_rules.js DOSSIERS.jsonl JINCAI_DECISIONS.jsonl [DATE]
// Times engine.run over every dossier (JSON parsed beforehand), then compares tiers,
// total points, entitlement counts and monthly amounts with `jincai policy evaluate`.
// Prints "RESULT key value" lines for bench/run.
'use strict';
const fs = require('fs');
const { Engine } = require('json-rules-engine');

const [dossierPath, jincaiPath, asOf = '2021-01-01'] = process.argv.slice(2);
if (!dossierPath || !jincaiPath) {
  console.error('usage: node shanxi_json_rules.js DOSSIERS.jsonl JINCAI_DECISIONS.jsonl [DATE]');
  process.exit(1);
}

// ---- parameters (the policy's values; the pension rate is dated) ---------------------
const P = {
  honors: { academician: 100, national_talent_program: 60, provincial_talent_program: 30,
    state_council_special_allowance: 30, national_skill_master: 40, provincial_skill_master: 15 },
  awards: { national: [30, 20, 12, 60], provincial: [15, 10, 6, 30], municipal: [5, 3, 2, 10] },  // rank 1..3, cap
  projects: { national: 15, provincial: 8, municipal: 3, cap: 30, fundingUnitFen: 1e8, fundingPoints: 2, fundingCap: 20 },
  tiers: { A: 100, B: 60, C: 30 },
  schoolAge: [6, 17],
  spouseFactor: 600000, // scaled 1e6
  rates: { medical: 60000, unemployment: 7000, injury: 5000, maternity: 8000 },
  pensionRate: (date) => (date < '2017-03-29' ? null : date >= '2019-05-01' ? 160000 : 200000),
  permanentResidenceMin: 80,
};
const pensionRate = P.pensionRate(asOf);
if (pensionRate === null) throw new Error(`no parameters on ${asOf}`);

// ---- arithmetic of the policy language (money in integer fen) --------------------------
const fen = (yuan) => Math.round(yuan * 100);
// floor(a / unit) of the exact quotient (integers: fen, or whole counts).
function floorRatio(a, unit) {
  let q = Math.floor(a / unit);
  if (q * unit > a) q--;
  else if ((q + 1) * unit <= a) q++;
  return q;
}
const moneyTimes = (f, rate6) => Math.floor((f * rate6 + 500000) / 1e6);  // f >= 0: half away from zero
function yearsBetween(a, b) {  // 'YYYY-MM-DD' strings, a <= b; 29 Feb counts on 28 Feb
  const [y1, m1, d1] = a.split('-').map(Number);
  const [y2, m2, d2] = b.split('-').map(Number);
  const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dd1 = m1 === 2 && d1 === 29 && !leap(y2) ? 28 : d1;
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < dd1) ? 1 : 0);
}

// ---- the engine -----------------------------------------------------------------------
const engine = new Engine([], { replaceFactsInEventParams: true, allowUndefinedFacts: false });

// Derived facts (cached per run unless they read the decision being built).
engine.addFact('award_levels', async (_, al) => (await al.factValue('awards')).map((a) => a.level));
engine.addFact('award_points', async ({ level }, al) => {
  const [p1, p2, p3, cap] = P.awards[level];
  let sum = 0;
  for (const a of await al.factValue('awards')) if (a.level === level) sum += a.rank === 1 ? p1 : a.rank === 2 ? p2 : p3;
  return Math.min(sum, cap);
});
engine.addFact('project_count', async (_, al) => (await al.factValue('projects_led')).length);
engine.addFact('project_level_points', async (_, al) => {
  let sum = 0;
  for (const p of await al.factValue('projects_led')) sum += P.projects[p.level];
  return Math.min(sum, P.projects.cap);
});
engine.addFact('project_funding_points', async (_, al) => {
  let total = 0;
  for (const p of await al.factValue('projects_led')) total += fen(p.funding_cny);
  return Math.min(floorRatio(total, P.projects.fundingUnitFen) * P.projects.fundingPoints, P.projects.fundingCap);
});
// min(floor(input / unit) * points, cap); money inputs in fen.
engine.addFact('unit_points', async ({ input, unit, points, cap, money }, al) => {
  const v = await al.factValue(input);
  return Math.min(floorRatio(money ? fen(v) : v, money ? unit * 100 : unit) * points, cap);
});
engine.addFact('count_points', async ({ input, points, cap }, al) => Math.min((await al.factValue(input)) * points, cap));
engine.addFact('total_points', async (_, al) => (await al.factValue('decision')).total, { cache: false });
engine.addFact('tier', async (_, al) => (await al.factValue('decision')).tier, { cache: false });
engine.addFact('relocated', async (_, al) => (await al.factValue('engagement')) === 'full_time');  // full-time only
engine.addFact('is_foreign', async (_, al) => (await al.factValue('nationality')) !== 'CN');
engine.addFact('school_children', async (_, al) => {
  let n = 0;
  for (const c of await al.factValue('children'))
    if (c.school_stage !== 'none') {
      const age = yearsBetween(c.birth_date, asOf);
      if (age >= P.schoolAge[0] && age <= P.schoolAge[1]) n++;
    }
  return n;
});
engine.addFact('spouse_allowance_fen', async (_, al) => moneyTimes(fen(await al.factValue('employer_avg_monthly_salary_cny')), P.spouseFactor));
engine.addFact('spouse_insurance_fen', async (_, al) => {
  const base = await al.factValue('spouse_allowance_fen');
  return [pensionRate, P.rates.medical, P.rates.unemployment, P.rates.injury, P.rates.maternity]
    .reduce((s, r) => s + moneyTimes(base, r), 0);
});

// Criteria.
const criterion = (name, dimension, conditions, points) =>
  engine.addRule({ name, priority: 10, conditions, event: { type: 'points', params: { criterion: name, dimension, points } } });
for (const [honor, pts] of Object.entries(P.honors))
  criterion(`honor_${honor}`, 'ability', { all: [{ fact: 'honors', operator: 'contains', value: honor }] }, pts);
for (const level of Object.keys(P.awards))
  criterion(`awards_${level}`, 'ability', { all: [{ fact: 'award_levels', operator: 'contains', value: level }] },
    { fact: 'award_points', params: { level } });
const hasProjects = { all: [{ fact: 'project_count', operator: 'greaterThan', value: 0 }] };
criterion('projects_by_level', 'performance', hasProjects, { fact: 'project_level_points' });
criterion('projects_funding', 'performance', hasProjects, { fact: 'project_funding_points' });
const always = { all: [] };
const units = (input, unit, points, cap, money = false) => ({ fact: 'unit_points', params: { input, unit, points, cap, money } });
criterion('annual_salary', 'performance', always, units('annual_salary_cny', 100000, 4, 24, true));
criterion('experience', 'performance', always, units('years_experience', 2, 1, 10));
const positive = (input) => ({ all: [{ fact: input, operator: 'greaterThan', value: 0 }] });
const counted = (input, points, cap) => ({ fact: 'count_points', params: { input, points, cap } });
criterion('invention_patents', 'contribution', positive('invention_patents'), counted('invention_patents', 3, 15));
criterion('patents_commercialized', 'contribution', positive('patents_commercialized'), counted('patents_commercialized', 8, 24));
criterion('revenue_generated', 'contribution', always, units('revenue_generated_cny', 10000000, 5, 25, true));
criterion('tax_paid', 'contribution', always, units('tax_paid_cny', 1000000, 5, 20, true));
criterion('jobs_created', 'contribution', always, units('jobs_created', 10, 2, 20));
criterion('standards_drafted', 'contribution', positive('standards_drafted'), counted('standards_drafted', 5, 15));

// Tiers: bands of total points, each covering some engagement modes; highest first.
const tierRule = (id, priority, min, max, modes) => engine.addRule({
  name: `tier_${id}`, priority,
  conditions: { all: [
    { fact: 'tier', operator: 'equal', value: 'none' },
    { fact: 'total_points', operator: 'greaterThanInclusive', value: min },
    ...(max === null ? [] : [{ fact: 'total_points', operator: 'lessThan', value: max }]),
    { fact: 'engagement', operator: 'in', value: modes },
  ] },
  event: { type: 'tier', params: { tier: id } },
});
tierRule('A', 7, P.tiers.A, null, ['full_time', 'consultant', 'part_time', 'project']);
tierRule('B', 6, P.tiers.B, P.tiers.A, ['full_time', 'consultant', 'project']);
tierRule('C', 5, P.tiers.C, P.tiers.B, ['full_time']);

// Entitlements.
const ent = (id, payer, tiers, conds, extra = {}) => engine.addRule({
  name: id, priority: 1,
  conditions: { all: [{ fact: 'tier', operator: 'in', value: tiers }, ...conds] },
  event: { type: 'entitlement', params: { id, payer, ...extra } },
});
const ABC = ['A', 'B', 'C'];
const relocated = { fact: 'relocated', operator: 'equal', value: true };
const spouseNeedsSupport = [
  { fact: 'spouse', path: '$.present', operator: 'equal', value: true },
  { fact: 'spouse', path: '$.employed', operator: 'equal', value: false },
];
ent('residence_choice', 'government', ABC, [relocated]);
ent('turnover_housing', 'employer', ABC, [relocated]);
ent('school_choice', 'government', ABC, [relocated, { fact: 'school_children', operator: 'greaterThan', value: 0 }],
  { count: { fact: 'school_children' } });
ent('spouse_allowance', 'employer', ABC, [relocated, ...spouseNeedsSupport], { monthlyFen: { fact: 'spouse_allowance_fen' } });
ent('spouse_social_insurance', 'employer', ABC, [relocated, ...spouseNeedsSupport], { monthlyFen: { fact: 'spouse_insurance_fen' } });
ent('residence_permit_5y', 'government', ABC, [{ fact: 'is_foreign', operator: 'equal', value: true }]);
ent('permanent_residence_priority', 'government', ['A', 'B'], [
  { fact: 'is_foreign', operator: 'equal', value: true },
  { any: [{ fact: 'tier', operator: 'equal', value: 'A' },
    { fact: 'total_points', operator: 'greaterThanInclusive', value: P.permanentResidenceMin }] },
]);

// Handlers build the decision.
engine.on('success', async (event, almanac) => {
  const d = await almanac.factValue('decision');
  if (event.type === 'points') {
    d[event.params.dimension] += event.params.points;
    d.total += event.params.points;
  } else if (event.type === 'tier') {
    d.tier = event.params.tier;
  } else if (event.type === 'entitlement') {
    d.grants += event.params.count ?? 1;
    d.monthlyFen += event.params.monthlyFen ?? 0;
  }
});

// ---- run --------------------------------------------------------------------------------
async function main() {
  const dossiers = fs.readFileSync(dossierPath, 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l));
  const decisions = new Array(dossiers.length);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < dossiers.length; i++) {
    const decision = { ability: 0, performance: 0, contribution: 0, total: 0, tier: 'none', grants: 0, monthlyFen: 0 };
    await engine.run({ ...dossiers[i], decision });
    decisions[i] = decision;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  // Compare with jincai policy evaluate.
  const jincai = fs.readFileSync(jincaiPath, 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l));
  if (jincai.length !== dossiers.length) throw new Error(`jincai decided ${jincai.length} dossiers, not ${dossiers.length}`);
  let tierAgree = 0, allAgree = 0;
  const shown = [];
  for (let i = 0; i < dossiers.length; i++) {
    const j = jincai[i], d = decisions[i];
    if (j.id !== dossiers[i].id) throw new Error(`line ${i + 1}: ids differ (${j.id} vs ${dossiers[i].id})`);
    const jTier = j.tier ?? 'none';
    const jMonthly = j.entitlements.reduce((s, e) => s + (e.monthly_cny !== undefined ? fen(e.monthly_cny) : 0), 0);
    const tierOk = jTier === d.tier;
    const allOk = tierOk && j.points.total === d.total && j.entitlements.length === d.grants && jMonthly === d.monthlyFen;
    tierAgree += tierOk;
    allAgree += allOk;
    if (!allOk && shown.length < 10)
      shown.push(`${j.id}: jincai tier ${jTier} total ${j.points.total} grants ${j.entitlements.length} monthly ${jMonthly} fen; ` +
        `json-rules-engine tier ${d.tier} total ${d.total} grants ${d.grants} monthly ${d.monthlyFen} fen`);
  }
  for (const s of shown) console.error('DIFF ' + s);
  const n = dossiers.length;
  const counts = decisions.reduce((c, d) => ((c[d.tier] = (c[d.tier] || 0) + 1), c), {});
  console.log(`json-rules-engine ${require('json-rules-engine/package.json').version}, node ${process.version}: ` +
    `${n} dossiers in ${seconds.toFixed(2)} s; tiers ${JSON.stringify(counts)}`);
  console.log(`RESULT peer_dossiers ${n}`);
  console.log(`RESULT peer_us_per_dossier ${((seconds * 1e6) / n).toFixed(2)}`);
  console.log(`RESULT peer_tier_agreement_pct ${((100 * tierAgree) / n).toFixed(3)}`);
  console.log(`RESULT peer_full_agreement_pct ${((100 * allAgree) / n).toFixed(3)}`);
}
main().catch((e) => { console.error(e); process.exit(1); });
