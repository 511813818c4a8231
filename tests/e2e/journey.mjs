#!/usr/bin/env node
// End-to-end test of the web UI in Debian's Chromium (playwright-core), against a
// live `jincai serve --demo` with a fresh SQLite database:
//
//   a talent registers (the resident ID's check digit is checked in the browser
//   first), fills in a dossier (an amount is refused field by field, then the live
//   preview shows a tier), creates and submits an application; demo.employer
//   endorses it; demo.officer finds it in the review queue, sees the decision, approves
//   and issues the card; the talent sees the state "issued" and opens "My card" (its
//   QR code, card number, print view); anyone, logged out, verifies the card on the
//   public page from its text (valid), from an upload of its QR code's PNG (valid;
//   jsQR loads only then), and an altered text (not valid); an image without a code
//   is refused. Entitlement claims: from My card the talent opens "My entitlements",
//   claims a residence of choice (no city: refused in the browser; a city and county
//   chosen), turnover housing and a school for the child (two schools ranked,
//   reordered with the buttons and the keyboard); demo.talent sees their own claims;
//   demo.employer adds a flat (a bad area refused next to its field) and assigns it
//   to the open housing claim, the talent moves in; demo.employer sees the spouse
//   allowances due this month with their totals and records a payment; demo.officer
//   changes a school's places, runs school placement (children, placed, not placed,
//   by choice) and the talent sees the result; demo.officer filters the claims and
//   issues the settlement letter; the talent sees it and it prints alone; anyone
//   checks its number on the public page (typed in small letters without dashes:
//   valid, the holder and place named) and a wrong number is refused next to the
//   field. Then: the pages at phone width, English (the entitlements and the letter
//   too), the analyst's policy check with a diagnostic at its line, the analyst's
//   upload of a new version with its date, the officer's audit chain, a role guard,
//   and the first pages' JavaScript size (gzip, budget 300 KB). The simulator: the
//   analyst waits for the first result over 100,000 synthetic dossiers, changes
//   tier A's threshold by its input box and by the keyboard on its slider, and the
//   tier chart is redrawn (the time from the change to the redrawn chart is printed
//   and must stay under a second); the reform downloads as a policy file and is
//   uploaded as a new version (the same version again is refused). The officer's
//   statistics dashboard shows the totals and its charts, and its CSV and Excel
//   exports answer. News: the public home lists the demo's articles (both languages,
//   each marked), filters them by category and opens one; a missing article is a
//   friendly "not found"; demo.officer writes an article in Markdown (the preview,
//   sent once typing pauses, renders **bold** as <strong>), publishes it, and a
//   visitor sees it first on the home page, in the Atom feed and on its page; the
//   officer withdraws it (after a confirmation) and it is gone from all three. The
//   recruitment market: demo.employer posts a position (refused at its fields first),
//   a visitor finds it by a two-character Chinese search (and in the feed of that
//   search), the talent says what work they look for and sees it ranked with its
//   reasons, opens it and applies; demo.employer sees the applicant with the match
//   score, shortlists then offers (a decline needs a reason); the talent accepts and
//   sees "hired"; the employer closes the position and it leaves the search. Talent
//   flows: a cadre of the demo's government organ (found by its kind) registers;
//   demo.officer's flow page shows the flows in and out of the system and the business
//   leaves as figures (those of the API), the Sankey chart between sectors and its
//   matrix, the demo's flows and the overdue leave filtered; a flow is refused in the
//   browser (the same side twice) and by the server next to the talent (no such talent),
//   then recorded (the cadre from outside the province), and the page reads in English;
//   the organ grants the cadre a leave to start a business (the form refused when
//   empty, a wrong credit-code check character refused next to its field, the cadres on
//   leave not offered), an enterprise is told it grants none; the cadre sees the leave
//   and the move on "My career moves"; the organ ends the leave with the return and the
//   cadre sees it returned, in English at phone width.
//
// The server serves the built UI itself (`--web web/dist`), as in production.
//
// Usage: (cd web && npm ci && npm run build) && node tests/e2e/journey.mjs
// Environment: JINCAI_BIN (default build/jincai), JINCAI_E2E_OUT (screenshots and
// logs; default build/e2e-screenshots), CHROMIUM (default /usr/bin/chromium).
// The last line is "e2e: N passed, N failed[, N skipped]"; the exit code is 1 on failure.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const WEB = join(ROOT, 'web')
const DIST = join(WEB, 'dist')
const BIN = process.env.JINCAI_BIN || join(ROOT, 'build/jincai')
const OUT = resolve(process.env.JINCAI_E2E_OUT || join(ROOT, 'build/e2e-screenshots'))
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const PASSWORD = 'jincai-demo-2026'
const BUDGET_KB = 300
/** Slider change to redrawn chart, 100,000 dossiers: the issue asks for 200 ms; this bound leaves room for a loaded machine. */
const REDRAW_LIMIT_MS = 1000

const require = createRequire(join(WEB, 'package.json'))
const { chromium } = require('playwright-core')

mkdirSync(OUT, { recursive: true })
for (const f of readdirSync(OUT)) if (/\.(png|log)$/.test(f)) rmSync(join(OUT, f))
const children = []
let tmp = null

// --- processes ---------------------------------------------------------------------------
function cleanup() {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        c.kill('SIGTERM')
      } catch {}
    }
  }
  if (tmp) {
    try {
      rmSync(tmp, { recursive: true, force: true })
    } catch {}
    tmp = null
  }
}
process.on('exit', cleanup)
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130))

/** Waits until a child prints a line matching `re`; resolves to the match. */
function waitForLine(child, re, what, ms) {
  return new Promise((ok, fail) => {
    let buf = ''
    const timer = setTimeout(() => fail(new Error(`${what}: no "${re}" within ${ms / 1000} s`)), ms)
    const on = (chunk) => {
      buf += chunk.toString()
      const m = buf.match(re)
      if (m) {
        clearTimeout(timer)
        ok(m)
      }
    }
    child.stdout.on('data', on)
    child.stderr.on('data', on)
    child.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`${what} exited (${code}) before it was ready; see ${OUT}`))
    })
  })
}

async function startServer() {
  tmp = mkdtempSync(join(tmpdir(), 'jincai-e2e-'))
  const args = ['serve', '--demo', '--db', `sqlite:${join(tmp, 'db')}`, '--port', '0', '--threads', '2', '--web', DIST]
  const child = spawn(BIN, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  const log = createWriteStream(join(OUT, 'server.log'))
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  const m = await waitForLine(child, /listening on (http:\/\/[^\s]+)/, 'jincai serve', 120_000)
  return m[1].replace(/\/$/, '')
}

// --- steps -------------------------------------------------------------------------------
const results = []
let failed = false
async function step(name, fn, page) {
  if (failed) {
    results.push({ name, status: 'skipped' })
    console.log(`skip - ${name}`)
    return
  }
  const t0 = Date.now()
  try {
    await fn()
    results.push({ name, status: 'passed' })
    console.log(`ok   - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  } catch (e) {
    failed = true
    results.push({ name, status: 'failed' })
    console.log(`FAIL - ${name}: ${e && e.stack ? e.stack : e}`)
    const p = typeof page === 'function' ? page() : page
    if (p) await p.screenshot({ path: join(OUT, `FAILED-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {})
  }
}
function check(cond, message) {
  if (!cond) throw new Error(message)
}

// --- helpers -----------------------------------------------------------------------------
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function residentId(first17) {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
async function apiJson(base, path, init = {}) {
  const res = await fetch(base + path, init)
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new Error(`${init.method || 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`)
  return body
}
async function shot(page, name, fullPage = true) {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(300) // let transitions and toasts settle
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage })
}
async function login(page, base, username, password = PASSWORD) {
  await page.goto(`${base}/login`)
  await page.fill('#login-username', username)
  await page.fill('#login-password', password)
  await page.click('[data-testid=login-submit]')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 })
}
async function confirmBox(page) {
  const btn = page.locator('.el-message-box__btns .el-button--primary')
  await btn.waitFor({ state: 'visible' })
  await btn.click()
  await page.locator('.el-message-box').waitFor({ state: 'hidden' })
}
async function chooseOption(page, selectLocator, text) {
  await selectLocator.evaluate((e) => e.scrollIntoView({ block: 'center' }))
  await selectLocator.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}
async function stateOf(page) {
  return page.locator('[data-testid=state]').first().getAttribute('data-state')
}
async function firstPageJs(browser, base, path) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const page = await ctx.newPage()
  const scripts = new Set()
  page.on('response', (r) => {
    const u = new URL(r.url())
    if (u.origin === base && u.pathname.endsWith('.js')) scripts.add(u.pathname)
  })
  await page.goto(base + path, { waitUntil: 'networkidle' })
  let raw = 0
  let gz = 0
  const list = []
  for (const p of scripts) {
    const buf = readFileSync(join(DIST, p))
    const z = gzipSync(buf, { level: 9 }).length
    raw += buf.length
    gz += z
    list.push(`${p.replace('/assets/', '')} ${(z / 1024).toFixed(1)} KB`)
  }
  await ctx.close()
  return { files: scripts.size, raw, gz, list }
}

// --- the journey -------------------------------------------------------------------------
async function main() {
  check(existsSync(BIN), `no server binary at ${BIN} (build it, or set JINCAI_BIN)`)
  check(existsSync(join(DIST, 'index.html')), `no ${DIST}/index.html: run "npm ci && npm run build" in web/ first`)
  check(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (scripts/bootstrap installs it)`)

  const base = await startServer()
  const apiBase = base
  console.log(`# server ${base}, serving ${DIST}`)
  console.log(`# screenshots and logs in ${OUT}`)

  // The demo employer's id and name, to choose it in the dossier.
  const emp = await apiJson(apiBase, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'demo.employer', password: PASSWORD }),
  })
  const employer = await apiJson(apiBase, `/api/v1/employers/${emp.user.employer_id}`, {
    headers: { Authorization: `Bearer ${emp.token}` },
  })

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  })
  const contexts = []
  const newPage = async (viewport = { width: 1366, height: 768 }) => {
    const ctx = await browser.newContext({ viewport, locale: 'zh-CN' })
    contexts.push(ctx)
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    page.on('pageerror', (e) => console.log(`# page error: ${e.message}`))
    return page
  }

  try {
    const stamp = Date.now().toString(36)
    const talentPassword = 'e2e-password-2026'
    const username = `e2e.talent.${stamp}`
    const name = `测试人才${stamp.slice(-4)}`
    const idFirst17 = `14010519850615${String(Math.floor(Math.random() * 900) + 100)}`
    const goodId = residentId(idFirst17)
    const badId = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0')
    let appId = 0

    let sizes = null
    await step('first page loads under the JavaScript budget', async () => {
      sizes = await firstPageJs(browser, base, '/')
      const login = await firstPageJs(browser, base, '/login')
      const verify = await firstPageJs(browser, base, '/verify')
      const letters = await firstPageJs(browser, base, '/letters')
      for (const [path, s] of [['/', sizes], ['/login', login], ['/verify', verify], ['/letters', letters]])
        console.log(`# first page "${path}": ${s.files} JS files, ${(s.raw / 1024).toFixed(1)} KB, gzip ${(s.gz / 1024).toFixed(1)} KB (${s.list.join(', ')})`)
      check([sizes, login, verify, letters].every((s) => s.gz < BUDGET_KB * 1024), `over ${BUDGET_KB} KB gzip`)
      check(![...sizes.list, ...verify.list].some((f) => /jsqr/i.test(f)), 'jsQR loads before an image is read')
    })

    const talent = await newPage()
    await step('home page renders in Chinese', async () => {
      await talent.goto(`${base}/`)
      await talent.getByRole('heading', { level: 1 }).waitFor()
      check((await talent.locator('html').getAttribute('lang')) === 'zh-CN', 'html lang is not zh-CN')
      check(await talent.getByText('政策要点').isVisible(), 'no policy summary')
      // The news: the demo's three articles, newest first, each with its category and language.
      await talent.locator('[data-testid=news-list] li').nth(2).waitFor()
      check((await talent.locator('[data-testid=news-list] [data-testid=news-lang][data-lang=en]').count()) >= 1, 'no English article marked as such')
      check((await talent.locator('[data-testid=news-list] [data-testid=news-lang][data-lang="zh-CN"]').count()) >= 2, 'no Chinese articles marked as such')
      // The newest open positions of the recruitment market, and the way to them from the news.
      await talent.locator('[data-testid=positions-latest] > li').nth(2).waitFor()
      check((await talent.locator('[data-testid=positions-latest] [data-testid=position-pay]').first().textContent()).includes('元/月'), 'a position does not show its pay')
      check(await talent.locator('[data-testid=news-positions-link]').isVisible(), 'the news do not lead to the open positions')
      const feeds = await talent.locator('head link[rel=alternate][type="application/atom+xml"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')))
      check(feeds.includes('/api/v1/news.atom') && feeds.includes('/api/v1/positions.atom'), `the Atom feeds in the head: ${feeds}`)
      await shot(talent, '01-home-1366')
    }, talent)

    await step('anyone reads the news: filtered by category, an article opened; a missing one is "not found"', async () => {
      const items = talent.locator('[data-testid=news-list] li')
      const all = await items.count()
      await talent.click('[data-testid=news-filter-recruitment]')
      await talent.waitForFunction((n) => {
        const cats = [...document.querySelectorAll('[data-testid=news-list] [data-testid=news-category]')].map((e) => e.dataset.category)
        return cats.length > 0 && cats.length < n && cats.every((c) => c === 'recruitment')
      }, all)
      await talent.click('[data-testid=news-filter-policy]')
      await talent.waitForFunction(() => {
        const cats = [...document.querySelectorAll('[data-testid=news-list] [data-testid=news-category]')].map((e) => e.dataset.category)
        return cats.length > 0 && cats.every((c) => c === 'policy')
      })
      check(!(await talent.locator('[data-testid=news-positions]').isVisible()), 'the way to the positions shows under "policy"')
      await talent.click('[data-testid=news-filter-all]')
      await talent.waitForFunction((n) => document.querySelectorAll('[data-testid=news-list] li').length === n, all)
      // Keyboard: the first title's link opens the article.
      const link = items.first().locator('h3 a')
      const title = (await link.textContent()).trim()
      await link.focus()
      await talent.keyboard.press('Enter')
      await talent.waitForURL(/\/news\/\d+$/)
      await talent.locator('[data-testid=news-body]').waitFor()
      check((await talent.locator('[data-testid=news-title]').textContent()).trim() === title, 'the article has another title')
      check((await talent.locator('[data-testid=news-body] p').count()) > 0, 'the article has no text')
      await talent.click('[data-testid=news-back]')
      await talent.waitForURL((u) => u.pathname === '/')
      await talent.locator('[data-testid=news-list] li').first().waitFor()
      await talent.goto(`${base}/news/999999`)
      await talent.locator('[data-testid=news-missing]').waitFor()
    }, talent)

    await step('talent registers (check digit refused in the browser first)', async () => {
      await talent.goto(`${base}/register`)
      await talent.fill('#reg-username', username)
      await talent.fill('#reg-password', talentPassword)
      await talent.fill('#reg-confirm', talentPassword)
      await talent.fill('#reg-name', name)
      await talent.fill('#reg-document', badId)
      await talent.locator('#reg-name').focus() // blur the number: its check runs
      const err = talent.locator('.el-form-item__error', { hasText: '校验码应为' })
      await err.waitFor()
      await shot(talent, '02-register-check-digit')
      await talent.fill('#reg-document', goodId)
      await talent.locator('#reg-name').focus()
      await err.waitFor({ state: 'detached' })
      // A name that is taken: the server's 409 names the field, shown beside it.
      await talent.fill('#reg-username', 'demo.talent')
      await talent.click('[data-testid=register-submit]')
      await talent
        .locator('.el-form-item', { has: talent.locator('#reg-username') })
        .locator('.el-form-item__error', { hasText: 'demo.talent' })
        .waitFor()
      await shot(talent, '02b-register-username-taken', false)
      await talent.fill('#reg-username', username)
      await talent.click('[data-testid=register-submit]')
      await talent.waitForURL('**/talent/dossier')
      await talent.locator('[data-testid=talent-name]', { hasText: name }).waitFor()
    }, talent)

    await step('talent fills the dossier; amounts checked field by field; preview shows a tier', async () => {
      await chooseOption(talent, talent.locator('[data-testid=employer-select]'), employer.name)
      const birth = talent.locator('#f-birth_date')
      await birth.click()
      await birth.fill('1985-06-15')
      await birth.press('Enter')
      await talent.locator('[data-testid=honor-national_talent_program]').click()
      await talent.getByRole('button', { name: /添加奖项/ }).click()
      await talent.fill('#f-annual_salary_cny', '12.345')
      await talent.locator('#f-field').focus()
      await talent.locator('.el-form-item__error', { hasText: '请输入金额' }).waitFor()
      await talent.fill('#f-annual_salary_cny', '360000')
      await talent.fill('#f-field', '新材料')
      await talent.locator('#f-field').press('Tab')
      await talent.getByRole('button', { name: /添加子女/ }).click()
      const child = talent.locator('#f-child-0-birth')
      await child.click()
      await child.fill('2016-09-01')
      await child.press('Enter')
      await chooseOption(talent, talent.locator('[data-testid=child-0] .el-select').first(), '小学')
      await talent.click('[data-testid=save-dossier]')
      await talent.locator('.el-message--success', { hasText: '档案已保存' }).last().waitFor()
      const tier = talent.locator('[data-testid=preview-tier]')
      await tier.waitFor()
      await talent.waitForFunction(() => /^[ABC]$/.test(document.querySelector('[data-testid=preview-tier]')?.textContent?.trim() ?? ''))
      console.log(`# preview: tier ${(await tier.textContent()).trim()}, total ${(await talent.locator('[data-testid=preview-total]').textContent()).trim()}`)
      await talent.locator('[data-testid=preview] canvas').waitFor() // the lazily loaded chart
      await shot(talent, '03-dossier-1366')
    }, talent)

    await step('talent creates and submits an application', async () => {
      await talent.goto(`${base}/talent/applications`)
      await talent.click('[data-testid=create-application]')
      await talent.waitForURL(/\/applications\/\d+$/)
      appId = Number(new URL(talent.url()).pathname.split('/').pop())
      check((await stateOf(talent)) === 'draft', 'a new application is not a draft')
      await talent.click('[data-testid=action-submit]')
      await confirmBox(talent)
      await talent.locator('[data-testid=state][data-state=submitted]').waitFor()
      await shot(talent, '04-application-submitted')
    }, talent)

    const emPage = await newPage()
    await step('demo.employer endorses it', async () => {
      await login(emPage, base, 'demo.employer')
      await emPage.waitForURL('**/employer/applications')
      const row = emPage.locator(`[data-testid=row-${appId}]`)
      await row.waitFor()
      check(await emPage.locator('[data-testid=employer-table]').getByText(name).isVisible(), 'the talent is not named in the row')
      await shot(emPage, '05-employer-queue')
      await row.locator('[data-testid=endorse]').click()
      await confirmBox(emPage)
      await row.waitFor({ state: 'detached' })
    }, emPage)

    const officer = await newPage()
    await step('demo.officer sees the decision, approves and issues', async () => {
      await login(officer, base, 'demo.officer')
      await officer.waitForURL('**/officer/applications**')
      await officer.locator(`[data-testid=open-${appId}]`).click()
      await officer.waitForURL(`**/applications/${appId}`)
      await officer.locator('[data-testid=decision]').waitFor()
      check((await stateOf(officer)) === 'evaluated', `state is ${await stateOf(officer)}, not evaluated`)
      await shot(officer, '06-officer-decision')
      await officer.click('[data-testid=action-approve]')
      await confirmBox(officer)
      await officer.locator('[data-testid=state][data-state=approved]').waitFor()
      await officer.click('[data-testid=action-issue]')
      await confirmBox(officer)
      await officer.locator('[data-testid=state][data-state=issued]').waitFor()
      await officer.locator('[data-testid=card-expires]').waitFor()
    }, officer)

    await step('the talent sees the state "issued"', async () => {
      await talent.goto(`${base}/talent/applications`)
      const card = talent.locator(`[data-testid=application-${appId}]`)
      await card.locator('[data-testid=state][data-state=issued]').waitFor()
      await talent.goto(`${base}/applications/${appId}`)
      await talent.locator('[data-testid=state][data-state=issued]').waitFor()
      const steps = await talent.locator('[data-testid=timeline] .el-timeline-item').count()
      check(steps >= 6, `the timeline has ${steps} steps, expected create, submit, endorse, evaluate, approve, issue`)
      await shot(talent, '07-talent-issued')
    }, talent)

    let card = null
    const cardPng = () => join(tmp, 'card-qr.png')
    await step('the talent opens My card: its QR code, number, entitlements; it prints alone', async () => {
      await talent.click('[data-testid=view-card]')
      await talent.waitForURL('**/talent/card**')
      const cardRes = await talent.context().request.get(`${base}/api/v1/applications/${appId}/card`) // the talent's session
      check(cardRes.ok(), `GET card: ${cardRes.status()}`)
      card = await cardRes.json()
      check(card.text.startsWith('JC1:'), 'the card text does not start with JC1:')
      await talent.locator('[data-testid=card-id]', { hasText: card.card_id }).waitFor()
      await talent.waitForFunction(() => (document.querySelector('[data-testid=card-qr]')?.naturalWidth ?? 0) > 0)
      check((await talent.locator('[data-testid=card-holder]').textContent()).trim() === name, 'the card does not name the holder')
      check((await talent.locator('[data-testid=card-expires-on]').textContent()).trim() === card.expires_on, 'the card shows another expiry date')
      check((await talent.locator('[data-testid=card-entitlements] li').count()) >= 1, 'the card lists no entitlement')
      check(await talent.locator('[data-testid=card-entitlements]').getByText('¶').first().isVisible(), 'no policy clause beside the entitlements')
      check((await talent.locator('[data-testid=card-text]').inputValue()) === card.text, 'the text shown is not the card')
      await talent.click('[data-testid=card-copy]')
      await talent.locator('.el-message--success', { hasText: '已复制' }).last().waitFor()
      await shot(talent, '12-my-card')
      await talent.emulateMedia({ media: 'print' })
      check(!(await talent.locator('.app-header').isVisible()), 'the header prints with the card')
      check(!(await talent.locator('[data-testid=card-print]').isVisible()), 'the buttons print with the card')
      check(await talent.locator('[data-testid=green-card]').isVisible(), 'the card does not print')
      await shot(talent, '12b-my-card-print', false)
      await talent.emulateMedia({ media: 'screen' })
      // The QR code as a PNG, with the talent's session, for the upload below.
      const res = await talent.context().request.get(`${base}/api/v1/applications/${appId}/card.png`)
      check(res.ok() && res.headers()['content-type'] === 'image/png', `card.png: ${res.status()} ${res.headers()['content-type']}`)
      writeFileSync(cardPng(), await res.body())
    }, talent)

    const visitor = await newPage()
    const scripts = []
    visitor.on('response', (r) => r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname))
    await step('anyone verifies the card on the public page: its text, valid', async () => {
      await visitor.goto(`${base}/`)
      await visitor.click('[data-testid=home-verify]')
      await visitor.waitForURL('**/verify')
      // Pasted with spaces and line breaks around it, as a scanner or a mail gives it.
      await visitor.fill('#verify-text', `  \n${card.text}\n  `)
      await visitor.click('[data-testid=verify-submit]')
      await visitor.locator('[data-testid=verdict][data-verdict=valid]').waitFor()
      check((await visitor.locator('[data-testid=card-holder]').textContent()).trim() === name, 'the verdict does not name the holder')
      check((await visitor.locator('[data-testid=card-id]').textContent()).trim() === card.card_id, 'the verdict shows another card')
      check((await visitor.locator('[data-testid=verdict-reason]').textContent()).includes(card.expires_on), 'the reason does not give the validity')
      check((await visitor.locator('[data-testid=verdict] .verdict-title').textContent()).trim() === '有效', 'the verdict is not in Chinese')
      check((await visitor.locator('[data-testid=verdict]').getAttribute('data-severity')) === 'success', 'a valid card is not green')
      await shot(visitor, '13-verify-valid')
    }, visitor)

    await step("the public page reads the card's QR code from an uploaded PNG: valid", async () => {
      check(!scripts.some((p) => /jsqr/i.test(p)), 'jsQR loaded before an image was chosen')
      await visitor.click('[data-testid=verify-clear]')
      await visitor.locator('[data-testid=verdict]').waitFor({ state: 'detached' })
      await visitor.setInputFiles('#verify-image', cardPng())
      await visitor.locator('[data-testid=read-from]').waitFor()
      await visitor.locator('[data-testid=verdict][data-verdict=valid]').waitFor()
      check((await visitor.locator('#verify-text').inputValue()) === card.text, 'the text read from the image is not the card')
      check(scripts.some((p) => /jsqr/i.test(p)), 'jsQR was not loaded on demand')
      await shot(visitor, '13b-verify-image')
      // An image without a QR code: said so, nothing verified.
      await visitor.click('[data-testid=verify-clear]')
      await visitor.setInputFiles('#verify-image', join(OUT, '01-home-1366.png'))
      await visitor.locator('[data-testid=image-error]', { hasText: '没有找到二维码' }).waitFor()
      check(!(await visitor.locator('[data-testid=verdict]').count()), 'an image without a code got a verdict')
    }, visitor)

    await step('an altered card text is not valid', async () => {
      const mid = Math.floor(card.text.length / 2)
      const altered = card.text.slice(0, mid) + (card.text[mid] === 'A' ? 'B' : 'A') + card.text.slice(mid + 1)
      await visitor.click('[data-testid=verify-clear]')
      await visitor.fill('#verify-text', altered)
      await visitor.click('[data-testid=verify-submit]')
      const verdict = visitor.locator('[data-testid=verdict]')
      await verdict.waitFor()
      const v = await verdict.getAttribute('data-verdict')
      console.log(`# altered text: ${v}, ${(await visitor.locator('[data-testid=verdict-reason]').textContent()).trim()}`)
      check(v !== 'valid', 'an altered card is valid')
      check((await verdict.getAttribute('data-severity')) !== 'success', 'an altered card is green')
      await shot(visitor, '14-verify-altered')
    }, visitor)

    // --- entitlement claims ----------------------------------------------------------------
    const claimIds = { residence: 0, housing: 0, school: 0 }
    const claimIdOf = (page) => Number(new URL(page.url()).pathname.split('/').pop())
    async function claimFromList(page, key) {
      await page.goto(`${base}/talent/entitlements`)
      await page.click(`[data-testid="claim-${key}"]`)
      await confirmBox(page)
      await page.waitForURL(/\/claims\/\d+$/)
      return claimIdOf(page)
    }
    await step('the talent claims a residence of choice from My card and chooses a city', async () => {
      await talent.goto(`${base}/talent/card`)
      await talent.click('[data-testid=card-entitlements-link]')
      await talent.waitForURL('**/talent/entitlements**')
      const list = talent.locator('[data-testid=entitlement-list]')
      for (const key of ['residence_choice', 'turnover_housing', 'school_choice#1'])
        await list.locator(`[data-testid="ent-${key}"] [data-testid="claim-${key}"]`).waitFor()
      claimIds.residence = await claimFromList(talent, 'residence_choice')
      await talent.locator('[data-testid=claim-state][data-state=open]').waitFor()
      // No city: refused in the browser, next to the field.
      await talent.click('[data-testid=action-choose]')
      await talent.locator('[data-testid=error-city]').waitFor()
      await chooseOption(talent, talent.locator('[data-testid=claim-city]'), '太原市')
      await talent.fill('#claim-county', '小店区')
      await talent.click('[data-testid=action-choose]')
      await talent.locator('[data-testid=claim-state][data-state=chosen]').waitFor()
      check((await talent.locator('[data-testid=residence-choice]').textContent()).includes('太原市小店区'), 'the choice is not shown')
      check((await talent.locator('[data-testid=claim-timeline] .el-timeline-item').count()) === 2, 'the timeline is not open, choose')
      await talent.locator('[data-testid=letter-waiting]').waitFor()
    }, talent)

    await step('the talent claims turnover housing and ranks schools for the child (reordered)', async () => {
      claimIds.housing = await claimFromList(talent, 'turnover_housing')
      await talent.locator('[data-testid=housing-waiting]').waitFor()
      claimIds.school = await claimFromList(talent, 'school_choice#1')
      await talent.locator('[data-testid=panel-school]').waitFor()
      check(await talent.locator('[data-testid=action-rank]').isDisabled(), 'an empty ranking can be submitted')
      const pick = talent.locator('[data-testid=school-pick]')
      await chooseOption(talent, pick, '太原市实验小学')
      await talent.click('[data-testid=school-add]')
      await chooseOption(talent, pick, '大同市平城区实验小学')
      await talent.click('[data-testid=school-add]')
      const items = talent.locator('[data-testid=ranking] li')
      check((await items.count()) === 2, 'two schools are not in the ranking')
      const second = await items.nth(1).getAttribute('data-school')
      await items.nth(1).getByRole('button').first().click() // up
      check((await items.nth(0).getAttribute('data-school')) === second, 'moving up did not reorder the ranking')
      await items.nth(0).getByRole('button').nth(1).press('Enter') // down again, by the keyboard
      check((await items.nth(1).getAttribute('data-school')) === second, 'moving down did not reorder the ranking')
      await talent.click('[data-testid=action-rank]')
      await talent.locator('[data-testid=claim-state][data-state=ranked]').waitFor()
      await talent.locator('[data-testid=ranking-waiting]').waitFor()
      await shot(talent, '17b-claim-school-ranking')
      await talent.goto(`${base}/talent/entitlements`)
      for (const [key, state] of [['residence_choice', 'chosen'], ['turnover_housing', 'open'], ['school_choice#1', 'ranked']])
        await talent.locator(`[data-testid="ent-${key}"] [data-testid=claim-state][data-state=${state}]`).waitFor()
    }, talent)

    const demoTalent = await newPage()
    await step('demo.talent sees their claims: residence chosen, turnover housing', async () => {
      await login(demoTalent, base, 'demo.talent')
      await demoTalent.goto(`${base}/talent/entitlements`)
      await demoTalent.locator('[data-testid="ent-residence_choice"] [data-testid=claim-state][data-state=chosen]').waitFor()
      await demoTalent.locator('[data-testid="ent-turnover_housing"] [data-testid=claim-state]').waitFor()
      await shot(demoTalent, '17-my-entitlements')
      await demoTalent.click('[data-testid="open-claim-turnover_housing"]')
      await demoTalent.locator('[data-testid=claim-flat]').waitFor()
      await demoTalent.locator('[data-testid=claim-timeline]').waitFor()
    }, demoTalent)

    await step('demo.employer adds a flat (its area checked) and assigns it to the open housing claim', async () => {
      await emPage.goto(`${base}/employer/housing`)
      const row = emPage.locator(`[data-testid=obligation-${claimIds.housing}]`)
      await row.waitFor()
      await emPage.locator('[data-testid=flats-table] .el-table__row').first().waitFor()
      const address = `人才公寓 e2e 号楼 ${stamp}`
      await emPage.fill('#flat-address', address)
      await emPage.fill('#flat-area', '86.555')
      await emPage.click('[data-testid=add-flat]')
      await emPage.locator('.el-form-item', { has: emPage.locator('#flat-area') }).locator('.el-form-item__error').waitFor()
      await emPage.fill('#flat-area', '86.5')
      const to = emPage.locator('#flat-to')
      await to.click()
      await to.fill('2031-12-31')
      await to.press('Enter')
      await emPage.click('[data-testid=add-flat]')
      await emPage.locator('.el-message--success', { hasText: '已登记房源' }).last().waitFor()
      await emPage.locator('[data-testid=flats-table] .el-table__row', { hasText: address }).waitFor()
      await chooseOption(emPage, row.locator('[data-testid=assign-select]'), address)
      await shot(emPage, '18-employer-housing')
      await row.locator('[data-testid=assign]').click()
      await emPage.locator('.el-message--success').last().waitFor()
      await emPage.locator(`[data-testid=obligations-table] .el-table__row`, { has: emPage.locator(`[data-testid=obligation-${claimIds.housing}]`) }).locator('[data-testid=claim-state][data-state=assigned]').waitFor()
      await emPage.locator('[data-testid=flats-table] .el-table__row', { hasText: address }).locator('[data-status=held]').waitFor()
    }, emPage)

    await step('the talent sees the flat assigned and moves in', async () => {
      await talent.goto(`${base}/claims/${claimIds.housing}`)
      await talent.locator('[data-testid=claim-flat]', { hasText: '86.5' }).waitFor()
      await talent.click('[data-testid=action-occupy]')
      await confirmBox(talent)
      await talent.locator('[data-testid=claim-state][data-state=occupied]').waitFor()
      await talent.locator('[data-testid=action-release]').waitFor()
    }, talent)

    await step('demo.employer sees the spouse allowances due this month and records a payment', async () => {
      await emPage.goto(`${base}/employer/allowances`)
      const rows = emPage.locator('[data-testid=due-table] .el-table__row')
      await rows.first().waitFor()
      const before = await rows.count()
      check(/元$/.test((await emPage.locator('[data-testid=due-fen]').textContent()).trim()), 'the total is not in yuan')
      await shot(emPage, '19-employer-allowances')
      await rows.first().getByRole('button').click()
      await emPage.locator('[data-testid=pay-submit]').click()
      await emPage.locator('.el-message--success', { hasText: '的支付' }).last().waitFor()
      await emPage.waitForFunction((n) => document.querySelectorAll('[data-testid=due-table] .el-table__row').length === n - 1, before)
    }, emPage)

    let letterNumber = ''
    await step('demo.officer changes a school’s places, runs placement and sees the summary', async () => {
      await officer.goto(`${base}/officer/schools`)
      await officer.locator('[data-testid=schools-table] .el-table__row').nth(6).waitFor()
      await officer.click('[data-testid=edit-TY-P-01]')
      await officer.fill('#edit-capacity', '4')
      await officer.locator('#edit-capacity').press('Tab')
      await officer.click('[data-testid=save-capacity]')
      await officer.locator('[data-testid=capacity-TY-P-01]', { hasText: '4' }).waitFor()
      const runBefore = Number((await officer.locator('[data-testid=placement-summary]').getAttribute('data-run').catch(() => '0')) || 0)
      await officer.click('[data-testid=run-placement]')
      await confirmBox(officer)
      await officer.locator(`[data-testid=placement-summary][data-run="${runBefore + 1}"]`).waitFor()
      const children = Number(await officer.locator('[data-testid=run-children]').textContent())
      const placed = Number(await officer.locator('[data-testid=run-placed]').textContent())
      const unplaced = Number(await officer.locator('[data-testid=run-unplaced]').textContent())
      check(children >= 2 && placed + unplaced === children, `placement: ${children} children, ${placed} placed, ${unplaced} not`)
      await officer.locator('[data-testid=placement-chart] canvas').waitFor()
      check((await officer.locator('[data-testid=by-choice] tbody tr').count()) >= 3, 'no table of choices')
      console.log(`# placement run ${runBefore + 1}: ${children} children, ${placed} placed, ${unplaced} not placed`)
      await shot(officer, '20-officer-schools')
    }, officer)

    await step('the talent sees the school placement with its choice', async () => {
      await talent.goto(`${base}/claims/${claimIds.school}`)
      await talent.locator('[data-testid=placement]').waitFor()
      const state = await talent.locator('[data-testid=claim-state]').getAttribute('data-state')
      check(state === 'placed' || state === 'unplaced', `the school claim is ${state}`)
      if (state === 'placed') check((await talent.locator('[data-testid=placed-at]').textContent()).includes('志愿'), 'the choice is not said')
      await talent.goto(`${base}/talent/entitlements`)
      await talent.locator(`[data-testid="ent-school_choice#1"] [data-testid=claim-state][data-state=${state}]`).waitFor()
      await shot(talent, '17c-my-entitlements-claimed')
    }, talent)

    await step('demo.officer filters the claims and issues the settlement letter', async () => {
      await officer.goto(`${base}/officer/claims?entitlement=residence_choice&state=chosen`)
      const row = officer.locator(`[data-testid=row-${claimIds.residence}]`)
      await row.waitFor()
      check((await officer.locator('[data-testid=claims-table] .el-table__row', { hasText: '周转住房' }).count()) === 0, 'the filter lets other entitlements through')
      await row.locator('[data-testid=issue-letter]').click()
      await confirmBox(officer)
      const link = officer.locator(`[data-testid=letter-${claimIds.residence}]`)
      await link.waitFor()
      letterNumber = (await link.textContent()).trim()
      check(/^JL(-[0-9A-Z]{4}){4}$/.test(letterNumber), `letter number ${letterNumber}`)
      console.log(`# letter ${letterNumber}`)
      await shot(officer, '21-officer-claims')
    }, officer)

    await step('the talent sees the settlement letter; it prints alone', async () => {
      await talent.goto(`${base}/claims/${claimIds.residence}`)
      await talent.locator('[data-testid=claim-state][data-state=letter_issued]').waitFor()
      check((await talent.locator('[data-testid=letter-number]').textContent()).trim() === letterNumber, 'the letter shows another number')
      check((await talent.locator('[data-testid=letter-sheet]').textContent()).includes(name), 'the letter does not name the holder')
      await shot(talent, '22-claim-letter')
      await talent.emulateMedia({ media: 'print' })
      check(!(await talent.locator('.app-header').isVisible()), 'the header prints with the letter')
      check(!(await talent.locator('[data-testid=claim-timeline]').isVisible()), 'the timeline prints with the letter')
      check(!(await talent.locator('[data-testid=letter-print]').isVisible()), 'the buttons print with the letter')
      check(await talent.locator('[data-testid=letter-sheet]').isVisible(), 'the letter does not print')
      await shot(talent, '22b-letter-print', false)
      await talent.emulateMedia({ media: 'screen' })
    }, talent)

    await step('anyone checks the letter by its number on the public page; a wrong number is refused next to it', async () => {
      await visitor.goto(`${base}/`)
      await visitor.click('nav a[href="/letters"]')
      await visitor.waitForURL('**/letters')
      // Typed as a person might: small letters, no dashes.
      await visitor.fill('#letter-number', letterNumber.toLowerCase().replace(/-/g, ''))
      await visitor.click('[data-testid=letter-check]')
      await visitor.locator('[data-testid=letter-result][data-status=valid]').waitFor()
      check((await visitor.locator('#letter-number').inputValue()) === letterNumber, 'the number was not normalised')
      check((await visitor.locator('[data-testid=letter-holder]').textContent()).trim() === name, 'the letter names another holder')
      check((await visitor.locator('[data-testid=letter-body]').textContent()).includes('太原市小店区'), 'the letter does not say the place')
      await shot(visitor, '23-letter-check')
      await visitor.fill('#letter-number', 'JL-0000-0000-0000-0000')
      await visitor.locator('#letter-number').press('Enter')
      await visitor.locator('[data-testid=letter-number-error]', { hasText: '不存在' }).waitFor()
      check(!(await visitor.locator('[data-testid=letter-result]').count()), 'a wrong number shows a letter')
    }, visitor)

    // --- the recruitment market -------------------------------------------------------------
    let positionId = 0
    const positionTitle = `氢能储运工程师 e2e ${stamp}`
    await step('demo.employer posts a position (refused at its fields first) and sees it among its positions', async () => {
      await emPage.goto(`${base}/employer/positions`)
      await emPage.locator('[data-testid=employer-positions]').waitFor()
      await emPage.click('[data-testid=post-position]')
      const dialog = emPage.locator('[data-testid=position-dialog]')
      await dialog.waitFor()
      const errorOf = (id) => emPage.locator('.el-form-item', { has: emPage.locator(id) }).locator('.el-form-item__error')
      // Nothing filled in: refused in the browser, next to the fields.
      await emPage.click('[data-testid=position-submit]')
      await errorOf('#pf-title').waitFor()
      await errorOf('#pf-description').waitFor()
      await emPage.fill('#pf-title', positionTitle)
      await chooseOption(emPage, emPage.locator('[data-testid=pf-field]'), '新材料')
      await chooseOption(emPage, emPage.locator('[data-testid=pf-city]'), '太原市')
      for (const skill of ['氢能', '材料表征', 'Python']) {
        await emPage.fill('#pf-skills', skill)
        await emPage.locator('#pf-skills').press('Enter')
      }
      const skillTags = emPage.locator('.el-form-item', { has: emPage.locator('#pf-skills') }).locator('.el-tag')
      await skillTags.nth(2).waitFor()
      check((await skillTags.count()) === 3, 'the skills are not three tags')
      // The highest pay below the lowest: refused next to it.
      await emPage.fill('#pf-pay-min', '30000')
      await emPage.locator('#pf-pay-min').press('Tab')
      await emPage.fill('#pf-pay-max', '20000')
      await emPage.locator('#pf-pay-max').press('Tab')
      await errorOf('#pf-pay-max').filter({ hasText: '最高月薪不能低于最低月薪' }).waitFor()
      await emPage.fill('#pf-pay-max', '50000')
      await emPage.locator('#pf-pay-max').press('Tab')
      await errorOf('#pf-pay-max').waitFor({ state: 'detached' })
      await emPage.fill('#pf-description', '负责高压储氢材料与储运装备的研发和中试验证。\n\n不限户籍、学历与职称。')
      await shot(emPage, '31c-employer-post-position', false)
      await emPage.click('[data-testid=position-submit]')
      await emPage.locator('.el-message--success', { hasText: positionTitle }).last().waitFor()
      await dialog.waitFor({ state: 'hidden' })
      const row = emPage.locator('[data-testid^=employer-position-]', { hasText: positionTitle })
      await row.waitFor()
      positionId = Number((await row.getAttribute('data-testid')).replace('employer-position-', ''))
      check(positionId > 0 && (await row.getAttribute('data-status')) === 'open', 'the new position is not open in the list')
      check((await row.textContent()).includes('30,000–50,000 元/月'), 'the pay range is not shown')
      console.log(`# position ${positionId}: ${positionTitle}`)
    }, emPage)

    await step('a visitor finds it by a two-character Chinese search, with its feed, and is asked to log in as a talent to apply', async () => {
      await visitor.goto(`${base}/`)
      await visitor.locator('[data-testid=positions-latest] > li').first().waitFor()
      check((await visitor.locator('[data-testid=positions-latest] > li').first().textContent()).includes(positionTitle), 'the new position is not first on the home page')
      await visitor.click('[data-testid=positions-all]')
      await visitor.waitForURL('**/positions')
      await visitor.locator('[data-testid=positions-list] > li').nth(9).waitFor()
      await visitor.locator('[data-testid=positions-more]').waitFor()
      await shot(visitor, '31-positions')
      await visitor.fill('#positions-q', '氢能')
      await visitor.locator('#positions-q').press('Enter')
      await visitor.waitForURL((u) => u.searchParams.get('q') === '氢能')
      await visitor.waitForFunction(() => document.querySelectorAll('[data-testid=positions-list] > li').length === 1)
      const hit = visitor.locator(`[data-testid=position-${positionId}]`)
      await hit.waitFor()
      check((await hit.locator('[data-testid=position-pay]').textContent()).includes('30,000–50,000'), 'the result does not show its pay')
      // The feed of the same search carries it.
      const href = await visitor.locator('[data-testid=positions-feed]').getAttribute('href')
      check(href.startsWith('/api/v1/positions.atom?') && href.includes('q='), `the feed link is ${href}`)
      const feed = await visitor.evaluate(async (h) => (await fetch(h, { cache: 'no-store' })).text(), href)
      check(feed.includes(positionTitle), 'the position is not in the feed of the search')
      // A filter that excludes it: none left.
      await chooseOption(visitor, visitor.locator('[data-testid=filter-city]'), '大同市')
      await visitor.locator('[data-testid=positions-none]').waitFor()
      await visitor.click('[data-testid=positions-clear]')
      await visitor.waitForURL((u) => !u.search)
      await visitor.fill('#positions-q', '氢能')
      await visitor.locator('#positions-q').press('Enter')
      await hit.waitFor()
      await shot(visitor, '31b-positions-search')
      await hit.locator('[data-testid=position-link]').click()
      await visitor.waitForURL(`**/positions/${positionId}`)
      check((await visitor.locator('[data-testid=position-title]').textContent()).trim() === positionTitle, 'the page shows another position')
      check((await visitor.locator('[data-testid=position-skills] .el-tag').count()) === 3, 'the skills are not tags')
      await visitor.locator('[data-testid=login-to-apply]').waitFor()
      check(!(await visitor.locator('[data-testid=apply]').count()), 'a visitor sees an Apply button')
    }, visitor)

    await step('the talent says what work they look for (a refused skill next to its field); the position is ranked for them with its reasons', async () => {
      await talent.goto(`${base}/talent/market`)
      await talent.locator('[data-testid=profile-form]').waitFor()
      await talent.locator('[data-testid=profile-from-dossier]').waitFor() // nothing saved yet
      const skillError = talent.locator('.el-form-item', { has: talent.locator('#mp-skills') }).locator('.el-form-item__error')
      await talent.fill('#mp-skills', 'x'.repeat(51))
      await talent.locator('#mp-skills').press('Enter')
      await skillError.filter({ hasText: '50 字节' }).waitFor()
      await talent.locator('#mp-skills').press('Backspace') // the tag too long goes
      await skillError.waitFor({ state: 'detached' })
      for (const skill of ['氢能', '材料表征']) {
        await talent.fill('#mp-skills', skill)
        await talent.locator('#mp-skills').press('Enter')
      }
      await chooseOption(talent, talent.locator('[data-testid=profile-field]'), '新材料')
      await chooseOption(talent, talent.locator('[data-testid=profile-cities]'), '太原市')
      await talent.keyboard.press('Escape')
      const fullTime = talent.locator('[data-testid=profile-engagement-full_time]')
      if (!(await fullTime.locator('input').isChecked())) await fullTime.click() // the dossier's mode may be there already
      await talent.click('[data-testid=profile-visible]')
      await talent.click('[data-testid=save-profile]')
      await talent.locator('.el-message--success', { hasText: '求职意向已保存' }).last().waitFor()
      await talent.locator('[data-testid=profile-saved-at]').waitFor()
      const ranked = talent.locator(`[data-testid=match-${positionId}]`)
      await ranked.waitFor()
      const score = Number(await ranked.locator('[data-testid=match-score]').getAttribute('data-score'))
      // Two of its three skills: every criterion met but the skills, which say what is missing.
      check(score >= 80 && score < 100, `the position scores ${score} for the talent`)
      const skills = ranked.locator('[data-testid=match-reasons] li[data-criterion=skills]')
      check((await skills.getAttribute('data-met')) === 'false' && (await skills.textContent()).includes('Python'), 'the skills reason does not say Python is missing')
      check((await ranked.locator('[data-testid=match-reasons] li[data-met=true]').count()) === 4, 'the other four criteria are not met')
      check((await talent.locator('[data-testid=market-matches] li[data-testid^=match-]').first().getAttribute('data-testid')) === `match-${positionId}`, 'the position is not ranked first')
      await talent.locator('[data-testid=save-profile].is-loading').waitFor({ state: 'detached' })
      await talent.locator('.el-message').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {})
      await talent.evaluate(() => window.scrollTo(0, 0))
      await shot(talent, '32-talent-job-market', false)
    }, talent)

    await step('the talent opens the position and applies with a cover note', async () => {
      await talent.click(`[data-testid=match-${positionId}] [data-testid=position-link]`)
      await talent.waitForURL(`**/positions/${positionId}`)
      await talent.click('[data-testid=apply]')
      await talent.locator('[data-testid=apply-dialog]').waitFor()
      await talent.fill('#apply-cover-note', '从事储氢材料研究八年，主持中试线两条。')
      await talent.click('[data-testid=apply-submit]')
      await talent.locator('[data-testid=my-application][data-stage=applied]').waitFor()
      check(!(await talent.locator('[data-testid=apply]').count()), 'the Apply button is still there')
      await shot(talent, '33-talent-applied')
    }, talent)

    await step('demo.employer sees the applicant with the match score, shortlists then offers; a decline needs a reason', async () => {
      await emPage.goto(`${base}/employer/positions`)
      const row = emPage.locator(`[data-testid=employer-position-${positionId}]`)
      await row.locator('[data-testid=stage-count-applied][data-count="1"]').waitFor()
      await row.locator('[data-testid=position-applicants]').click()
      await emPage.waitForURL(`**/employer/positions/${positionId}`)
      const card = emPage.locator('[data-testid^=applicant-][data-stage]', { has: emPage.locator('[data-testid=applicant-name]', { hasText: name }) })
      await card.waitFor()
      const score = Number(await card.locator('[data-testid=match-score]').getAttribute('data-score'))
      check(score >= 80, `the applicant's match is ${score}`)
      check((await card.locator('[data-testid=match-reasons] li').count()) === 5, 'the match does not give its five reasons')
      check((await card.locator('[data-testid=cover-note]').textContent()).includes('储氢材料'), 'the cover note is not shown')
      // A decline without a reason: refused next to the field, nothing done.
      await card.locator('[data-testid=applicant-decline]').click()
      await emPage.locator('[data-testid=decline-dialog]').waitFor()
      await emPage.click('[data-testid=decline-submit]')
      await emPage.locator('.el-form-item', { has: emPage.locator('#decline-reason') }).locator('.el-form-item__error').waitFor()
      await emPage.keyboard.press('Escape')
      await emPage.locator('[data-testid=decline-dialog]').waitFor({ state: 'hidden' })
      check((await card.getAttribute('data-stage')) === 'applied', 'the applicant moved without a reason')
      await card.locator('[data-testid=applicant-shortlist]').click()
      await confirmBox(emPage)
      await card.locator('[data-testid=hiring-stage][data-stage=shortlisted]').waitFor()
      check(!(await card.locator('[data-testid=applicant-shortlist]').count()), 'a shortlisted applicant can be shortlisted again')
      await card.locator('[data-testid=applicant-offer]').click()
      await confirmBox(emPage)
      await card.locator('[data-testid=hiring-stage][data-stage=offered]').waitFor()
      check((await card.locator('.actions button').count()) === 1, 'an offered applicant has other actions than decline')
      await emPage.locator('.el-message').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {})
      await shot(emPage, '34-employer-applicants')
      // The candidates: ranked, the applicant among them with the stage.
      await emPage.click('#tab-candidates')
      const candidates = emPage.locator('[data-testid=candidates-list] > li')
      await candidates.first().waitFor()
      check((await candidates.count()) >= 2, 'the candidates list only the applicant')
      await emPage.locator('[data-testid=candidates-list] [data-testid=hiring-stage][data-stage=offered]').waitFor()
      const scores = await emPage.locator('[data-testid=candidates-list] [data-testid=match-score]').evaluateAll((es) => es.map((e) => Number(e.dataset.score)))
      check(scores.every((s, i) => i === 0 || scores[i - 1] >= s), `the candidates are not ranked: ${scores}`)
      await shot(emPage, '34b-employer-candidates', false)
      // The demo's position with the most applications: the pipeline at every stage.
      await emPage.goto(`${base}/employer/positions`)
      await emPage.locator('[data-testid=employer-positions]').waitFor()
      const busiest = await emPage.locator('[data-testid^=employer-position-]').evaluateAll((rows) =>
        rows
          .map((r) => ({ id: r.dataset.testid.replace('employer-position-', ''), n: [...r.querySelectorAll('[data-count]')].reduce((s, e) => s + Number(e.dataset.count), 0) }))
          .sort((x, y) => y.n - x.n)[0],
      )
      await emPage.click(`[data-testid=employer-position-${busiest.id}] [data-testid=position-applicants]`)
      await emPage.locator('[data-testid=applicants-list] > [data-stage]').nth(busiest.n - 1).waitFor()
      await shot(emPage, '34c-employer-pipeline')
    }, emPage)

    await step('the talent accepts the offer and sees "hired"', async () => {
      await talent.goto(`${base}/talent/job-applications`)
      const card = talent.locator(`[data-testid^=job-application-][data-position="${positionId}"]`)
      await card.waitFor()
      check((await card.getAttribute('data-stage')) === 'offered', `the application is ${await card.getAttribute('data-stage')}`)
      await card.locator('[data-testid=job-accept]').click()
      await confirmBox(talent)
      await talent.locator(`[data-testid^=job-application-][data-position="${positionId}"][data-stage=hired]`).waitFor()
      check((await card.locator('[data-testid=hiring-stage]').textContent()).trim() === '已录用', 'the stage is not "已录用" (hired)')
      await card.locator('[data-testid=hired]').waitFor()
      check(!(await card.locator('[data-testid=job-withdraw]').count()), 'a hire can still be withdrawn')
      await shot(talent, '35-talent-hired')
      await talent.goto(`${base}/positions/${positionId}`)
      await talent.locator('[data-testid=my-application][data-stage=hired]').waitFor()
    }, talent)

    await step('demo.employer closes the position after a confirmation: it leaves the search, its page says closed', async () => {
      await emPage.goto(`${base}/employer/positions`)
      const row = emPage.locator(`[data-testid=employer-position-${positionId}]`)
      await row.locator('[data-testid=stage-count-hired][data-count="1"]').waitFor()
      await row.locator('[data-testid=position-close]').click()
      await emPage.locator('.el-message-box', { hasText: positionTitle }).waitFor()
      await confirmBox(emPage)
      await emPage.locator(`[data-testid=employer-position-${positionId}][data-status=closed]`).waitFor()
      check(!(await row.locator('[data-testid=position-edit]').count()), 'a closed position can be edited')
      await visitor.goto(`${base}/positions?q=${encodeURIComponent('氢能')}`)
      await visitor.locator('[data-testid=positions-none]').waitFor()
      await visitor.goto(`${base}/positions/${positionId}`)
      await visitor.locator('[data-testid=position-closed-note]').waitFor()
      check((await visitor.locator('[data-testid=position]').getAttribute('data-status')) === 'closed', 'the page does not say closed')
    }, emPage)

    const phone = await newPage({ width: 390, height: 844 })
    await step('English is switchable and the pages fit a phone', async () => {
      await login(phone, base, username, talentPassword)
      await phone.waitForURL('**/talent/dossier')
      await phone.locator('[data-testid=preview-tier]').waitFor()
      await shot(phone, '08-phone-dossier-zh')
      await chooseOption(phone, phone.locator('[data-testid=language]'), 'English')
      await phone.getByRole('heading', { name: 'My dossier' }).waitFor()
      check((await phone.locator('html').getAttribute('lang')) === 'en', 'html lang is not en')
      for (const path of ['/talent/dossier', '/talent/applications', `/applications/${appId}`, '/talent/card', '/talent/entitlements', `/claims/${claimIds.residence}`, `/claims/${claimIds.school}`, '/verify', '/letters', '/', '/news/1', '/positions', `/positions/${positionId}`, '/talent/market', '/talent/job-applications']) {
        await phone.goto(base + path)
        await phone.waitForLoadState('networkidle')
        const over = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        check(over <= 1, `${path} is ${over}px wider than the phone`)
      }
      // The news in English: the Chinese articles are marked as such.
      await phone.goto(`${base}/`)
      await phone.locator('[data-testid=news-list] [data-testid=news-lang][data-lang="zh-CN"]').first().waitFor()
      check((await phone.locator('[data-testid=news-list] [data-testid=news-lang][data-lang="zh-CN"]').first().textContent()).includes('Chinese'), 'a Chinese article is not marked "Chinese"')
      check((await phone.locator('#positions-h').textContent()).trim() === 'Open positions', 'the open positions are not in English')
      check((await phone.locator('[data-testid=positions-latest] [data-testid=position-pay]').first().textContent()).includes('a month'), 'the pay is not in English')
      await shot(phone, '30-phone-home-en')
      await phone.goto(`${base}/positions`)
      await phone.locator('[data-testid=positions-list] > li').first().waitFor()
      await shot(phone, '36-phone-positions-en')
      await phone.goto(`${base}/talent/job-applications`)
      await phone.locator(`[data-testid^=job-application-][data-position="${positionId}"] [data-testid=hiring-stage]`, { hasText: 'Hired' }).waitFor()
      await shot(phone, '37-phone-job-applications-en')
      await phone.goto(`${base}/talent/applications`)
      await phone.locator('[data-testid=state][data-state=issued]').waitFor()
      check(await phone.getByText('Card issued').first().isVisible(), 'the state is not in English')
      await shot(phone, '09-phone-applications-en')
      await phone.goto(`${base}/talent/entitlements`)
      await phone.getByRole('heading', { name: 'My entitlements' }).waitFor()
      await phone.locator('[data-testid="ent-residence_choice"] [data-testid=claim-state][data-state=letter_issued]').waitFor()
      check(await phone.getByText('Letter issued').first().isVisible(), 'the claim state is not in English')
      await shot(phone, '24-phone-entitlements-en')
      await phone.goto(`${base}/claims/${claimIds.residence}`)
      await phone.locator('[data-testid=letter-sheet]').waitFor()
      check((await phone.locator('[data-testid=letter-sheet]').textContent()).includes('Settlement letter'), 'the letter is not in English')
      await shot(phone, '25-phone-letter-en')
    }, phone)

    await step('My card and the verification page at phone width (375 px), in English', async () => {
      await phone.setViewportSize({ width: 375, height: 812 })
      await phone.goto(`${base}/talent/card`)
      await phone.getByRole('heading', { name: 'My talent green card' }).waitFor()
      await phone.locator('[data-testid=card-id]', { hasText: card.card_id }).waitFor()
      await phone.waitForFunction(() => (document.querySelector('[data-testid=card-qr]')?.naturalWidth ?? 0) > 0)
      const wide = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      check(wide <= 1, `My card is ${wide}px wider than the phone`)
      await shot(phone, '15-phone-card-en')
      await phone.goto(`${base}/verify`)
      await phone.fill('#verify-text', card.text)
      await phone.locator('#verify-text').press('Control+Enter') // the keyboard: no mouse needed
      await phone.locator('[data-testid=verdict][data-verdict=valid]').waitFor()
      check((await phone.locator('[data-testid=verdict] .verdict-title').textContent()).trim() === 'Valid', 'the verdict is not in English')
      check(!/[\u4e00-\u9fff]/.test(await phone.locator('[data-testid=verdict-reason]').textContent()), 'the reason is not in English')
      const over = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      check(over <= 1, `the verdict is ${over}px wider than the phone`)
      await shot(phone, '16-phone-verify-en')
    }, phone)

    await step('a talent may not open the audit log', async () => {
      await talent.goto(`${base}/audit`)
      await talent.waitForURL('**/forbidden')
    }, talent)

    await step('officer: audit log with the chain verified', async () => {
      await officer.goto(`${base}/audit`)
      await officer.locator('[data-testid=chain-ok]').waitFor()
      await officer.locator('[data-testid=audit-table] .el-table__row').first().waitFor()
      await shot(officer, '10-audit', false)
    }, officer)

    await step('officer: the statistics dashboard shows the totals and charts; CSV and Excel export', async () => {
      await officer.click('nav a[href="/officer/statistics"]')
      await officer.waitForURL('**/officer/statistics')
      await officer.locator('[data-testid=total-cards]').waitFor()
      const cards = Number((await officer.locator('[data-testid=total-cards]').textContent()).replace(/\D/g, ''))
      const talents = Number((await officer.locator('[data-testid=total-talents]').textContent()).replace(/\D/g, ''))
      check(cards >= 1 && talents > cards, `totals: ${talents} talents, ${cards} cards`)
      await officer.locator('[data-testid=holders-tier] canvas').waitFor()
      await officer.locator('[data-testid=flow-chart] canvas').waitFor()
      check((await officer.locator('[data-testid=claims-by-state] tbody tr').count()) >= 3, 'no claims by entitlement')
      check((await officer.locator('[data-testid=total-monthly]').textContent()).trim().endsWith('元'), 'the monthly cost is not in yuan')
      console.log(`# statistics: ${talents} talents, ${cards} cards in force, monthly ${(await officer.locator('[data-testid=total-monthly]').textContent()).trim()}`)
      // The exports are plain links: fetched from the page, they carry the session cookie.
      const csv = await officer.evaluate(async (href) => {
        const r = await fetch(href)
        return { status: r.status, type: r.headers.get('Content-Type'), text: await r.text() }
      }, await officer.locator('[data-testid=export-csv]').getAttribute('href'))
      check(csv.status === 200 && csv.type.startsWith('text/csv') && csv.text.startsWith('section,key,detail,value'), `CSV: ${csv.status} ${csv.type}`)
      const xlsx = await officer.evaluate(async (href) => (await fetch(href)).status, await officer.locator('[data-testid=export-xlsx]').getAttribute('href'))
      check(xlsx === 200, `Excel: ${xlsx}`)
      await shot(officer, '27-officer-statistics')
    }, officer)

    // --- talent flows and cadres' business leaves -------------------------------------------
    const cnToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const plusDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
    const cadreName = `测试干部${stamp.slice(-4)}`
    const cadreUser = `e2e.cadre.${stamp}`
    const cadrePassword = 'e2e-cadre-2026'
    const business = `吕梁e2e数智科技有限公司 ${stamp}`
    /** Chooses an option, then waits for the dropdown to close (the next select's options may have the same words). */
    const choose = async (page, select, text) => {
      await chooseOption(page, select, text)
      await page.locator('.el-select__popper:visible').first().waitFor({ state: 'hidden' })
    }
    let gov = null // the demo's government organ and the account of its employer admin
    let govUser = ''
    let cadreId = 0
    await step("a cadre of the demo's government organ: the organ found among the employers, the cadre registered (API)", async () => {
      const auth = { headers: { Authorization: `Bearer ${emp.token}` } }
      const employers = (await apiJson(apiBase, '/api/v1/employers', auth)).items
      gov = employers.find((e) => e.kind === 'government')
      check(gov, 'no employer of kind government in the demo')
      govUser = gov.id === emp.user.employer_id ? 'demo.employer' : `employer${gov.id}`
      const govLogin = await apiJson(apiBase, '/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: govUser, password: PASSWORD }),
      })
      check(govLogin.user.employer_id === gov.id, `${govUser} is not the account of ${gov.name}`)
      const json = { 'Content-Type': 'application/json' }
      await apiJson(apiBase, '/api/v1/auth/register/talent', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: cadreUser, password: cadrePassword, name: cadreName, document_kind: 'resident_id', document_number: residentId(`14112519880312${String(Math.floor(Math.random() * 900) + 100)}`), nationality: 'CN' }),
      })
      const cadreLogin = await apiJson(apiBase, '/api/v1/auth/login', { method: 'POST', headers: json, body: JSON.stringify({ username: cadreUser, password: cadrePassword }) })
      cadreId = cadreLogin.user.talent_id
      await apiJson(apiBase, `/api/v1/talents/${cadreId}`, { method: 'PATCH', headers: { ...json, Authorization: `Bearer ${cadreLogin.token}` }, body: JSON.stringify({ employer_id: gov.id }) })
      console.log(`# government organ: ${gov.name} (#${gov.id}, account ${govUser}); cadre ${cadreName} #${cadreId}`)
    })

    await step("officer: the talent flow page shows the demo's flows in figures, a Sankey chart and a list; leaves filtered; a flow recorded (refused at its fields first)", async () => {
      await officer.click('nav a[href="/officer/flows"]')
      await officer.waitForURL('**/officer/flows')
      const summary = await officer.evaluate(async () => (await fetch('/api/v1/flows/summary')).json())
      const figure = async (id) => Number((await officer.locator(`[data-testid=${id}]`).textContent()).replace(/\D/g, ''))
      await officer.locator('[data-testid=flow-into]').waitFor()
      check((await figure('flow-into')) === summary.into_system && summary.into_system >= 1, `into the system: ${await figure('flow-into')}, the API says ${summary.into_system}`)
      check((await figure('flow-out_of')) === summary.out_of_system && (await figure('flow-outside')) === summary.outside_system, 'out of / outside the system differ from the API')
      check((await figure('leaves-on_leave')) === summary.business_leaves.on_leave && summary.business_leaves.on_leave >= 1, 'no cadre on leave')
      check((await figure('leaves-overdue')) === summary.business_leaves.overdue && summary.business_leaves.overdue >= 1, 'no overdue leave')
      // The chart: ECharts' Sankey drawn (loaded with it), the matrix beside it with the sectors' names.
      await officer.locator('[data-testid=sector-chart] canvas').waitFor()
      await officer.locator('[data-testid=sector-chart][data-drawn-at]').waitFor()
      const matrixRows = officer.locator('[data-testid=flow-matrix] tbody tr')
      check((await matrixRows.count()) >= 2, 'the matrix has fewer than two sectors left')
      check((await officer.locator('[data-testid=flow-matrix]').textContent()).includes('省外或无单位'), 'the matrix does not name "outside the province or no employer"')
      check((await officer.locator('[data-testid=sector-chart]').getAttribute('aria-label')).includes('→'), 'the chart says nothing in words')
      // The demo's flows: from abroad into the institute, a private firm into the bureau, the market's hire.
      const flows = officer.locator('[data-testid=flows-table]')
      await flows.locator('.el-table__row', { hasText: '海外归国' }).waitFor()
      await flows.locator('.el-table__row', { hasText: '民营企业骨干调入市科技局' }).waitFor()
      check((await flows.locator('[data-source=market]').count()) >= 1, 'the market hire is not among the flows')
      // The leaves: the overdue one only, then all again.
      await officer.locator('[data-testid=leaves-table] [data-state=on_leave]').first().waitFor()
      await officer.click('[data-testid=filter-leave-overdue]')
      await officer.waitForFunction((n) => document.querySelectorAll('[data-testid=leaves-table] [data-testid^=leave-][data-overdue=true]').length === n && document.querySelectorAll('[data-testid=leaves-table] [data-overdue=false]').length === 0, summary.business_leaves.overdue)
      await officer.click('[data-testid=filter-leave-overdue]')
      await officer.locator('[data-testid=leaves-table] [data-overdue=false]').first().waitFor()
      await officer.waitForTimeout(1200) // the chart's bands and labels drawn in (ECharts animates for a second)
      await shot(officer, '38-officer-flows')
      // Recording a flow: refused in the browser (the same "employer" on both sides), by the
      // server next to the talent (no such talent), then recorded: the cadre from outside the province.
      await officer.click('[data-testid=record-flow]')
      const dialog = officer.locator('[data-testid=flow-dialog]')
      await dialog.waitFor()
      const errorOf = (id) => officer.locator('.el-form-item', { has: officer.locator(id) }).locator('.el-form-item__error')
      await officer.fill('#fl-talent', '999999')
      await choose(officer, officer.locator('[data-testid=fl-from]'), '省外或无单位')
      await choose(officer, officer.locator('[data-testid=fl-to]'), '省外或无单位')
      await officer.click('[data-testid=flow-submit]')
      await errorOf('#fl-to').filter({ hasText: '流入单位不能与流出单位相同' }).waitFor()
      await choose(officer, officer.locator('[data-testid=fl-to]'), gov.name)
      await errorOf('#fl-to').waitFor({ state: 'detached' })
      await officer.fill('#fl-note', '从省外引进（e2e）')
      await officer.click('[data-testid=flow-submit]')
      await errorOf('#fl-talent').filter({ hasText: '999999' }).waitFor() // 404: named next to the talent
      await shot(officer, '38c-officer-record-flow', false)
      await officer.fill('#fl-talent', String(cadreId))
      await officer.click('[data-testid=flow-submit]')
      await officer.locator('.el-message--success', { hasText: cadreName }).last().waitFor()
      await dialog.waitFor({ state: 'hidden' })
      await flows.locator('.el-table__row', { hasText: cadreName }).locator('[data-direction=into]').waitFor()
      await officer.locator('[data-testid=flow-into]', { hasText: String(summary.into_system + 1) }).waitFor()
      // The office records a business leave too: it names the organ (only organs and public
      // institutions are offered) and types the cadre's number; checked in the browser first.
      await officer.click('[data-testid=grant-leave]')
      const leaveDialog = officer.locator('[data-testid=leave-dialog]')
      await leaveDialog.waitFor()
      await officer.click('[data-testid=leave-submit]')
      await errorOf('#lv-employer').waitFor()
      await errorOf('#lv-talent').waitFor()
      await choose(officer, officer.locator('[data-testid=lv-employer]'), gov.name)
      await errorOf('#lv-employer').waitFor({ state: 'detached' })
      await officer.fill('#lv-talent', 'x1')
      await errorOf('#lv-talent').filter({ hasText: '编号' }).waitFor()
      await shot(officer, '38d-officer-grant-leave', false)
      await leaveDialog.getByRole('button', { name: '取消' }).click()
      await leaveDialog.waitFor({ state: 'hidden' })
      // The page in English: the sectors in the server's English words.
      await officer.locator('.el-message').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {})
      const drawnAt = await officer.locator('[data-testid=sector-chart]').getAttribute('data-drawn-at')
      const switchTo = async (language, heading) => {
        await officer.evaluate(() => window.scrollTo(0, 0))
        for (let tries = 0; ; tries++) {
          await chooseOption(officer, officer.locator('[data-testid=language]'), language)
          const ok = await officer.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 3000 }).then(() => true, () => false)
          if (ok) return
          check(tries < 2, `the language did not switch to ${language}`)
          await officer.keyboard.press('Escape')
        }
      }
      await switchTo('English', 'Talent flow')
      await officer.locator('[data-testid=flow-matrix]', { hasText: 'Outside the province or no employer' }).waitFor()
      await officer.waitForFunction((before) => {
        const chart = document.querySelector('[data-testid=sector-chart]')
        return chart?.getAttribute('aria-label')?.startsWith('Talent flows between sectors') && chart.getAttribute('data-drawn-at') !== before
      }, drawnAt) // the chart redrawn with the English words
      await officer.waitForTimeout(1200) // the chart redrawn in English
      await shot(officer, '38b-officer-flows-en')
      await switchTo('中文', '人才流动')
    }, officer)

    const govPage = await newPage()
    await step('the government organ grants its cadre a leave to start a business (its credit code checked in the browser)', async () => {
      await login(govPage, base, govUser)
      await govPage.click('nav a[href="/employer/flows"]')
      await govPage.waitForURL('**/employer/flows')
      await govPage.locator('[data-testid=employer-kind][data-kind=government]').waitFor()
      await govPage.locator('[data-testid=flows-table] .el-table__row', { hasText: cadreName }).waitFor() // the flow the office recorded
      check(!(await govPage.locator('[data-testid=leave-not-granting]').count()), 'a government organ is told it grants no leaves')
      await govPage.locator('[data-testid=leaves-table] [data-state=on_leave]').first().waitFor() // the demo's cadres on leave
      await govPage.click('[data-testid=grant-leave]')
      const dialog = govPage.locator('[data-testid=leave-dialog]')
      await dialog.waitFor()
      const errorOf = (id) => govPage.locator('.el-form-item', { has: govPage.locator(id) }).locator('.el-form-item__error')
      // Nothing filled in: refused next to the fields.
      await govPage.click('[data-testid=leave-submit]')
      await errorOf('#lv-talent').waitFor()
      await errorOf('#lv-business').waitFor()
      await errorOf('#lv-return').waitFor()
      // The demo's cadres on leave already are offered but cannot be chosen.
      await govPage.locator('[data-testid=lv-talent]').click()
      await govPage.locator('.el-select-dropdown__item.is-disabled:visible', { hasText: '离岗创业中' }).first().waitFor() // offered, not chosen
      await govPage.keyboard.press('Escape')
      await govPage.locator('.el-select__popper:visible').first().waitFor({ state: 'hidden' })
      await choose(govPage, govPage.locator('[data-testid=lv-talent]'), cadreName)
      await govPage.fill('#lv-business', business)
      // A wrong check character, typed in small letters: refused next to the field, with the right one.
      await govPage.fill('#lv-credit', '91141000ma3000999x')
      await govPage.locator('#lv-credit').press('Tab')
      const first17 = '91141000MA3000999'
      await errorOf('#lv-credit').filter({ hasText: '校验码应为' }).waitFor()
      const want = (await errorOf('#lv-credit').textContent()).match(/校验码应为 (\w)/)[1]
      await govPage.fill('#lv-credit', (first17 + want).toLowerCase())
      await govPage.locator('#lv-credit').press('Tab')
      await errorOf('#lv-credit').waitFor({ state: 'detached' })
      check((await govPage.locator('#lv-credit').inputValue()) === first17 + want, 'the code is not shown in capitals')
      const ret = govPage.locator('#lv-return')
      await ret.click()
      await ret.fill(plusDays(cnToday, 730))
      await ret.press('Enter')
      await errorOf('#lv-return').waitFor({ state: 'detached' })
      await govPage.fill('#lv-note', '创办数字科技企业（e2e）')
      await shot(govPage, '39-employer-grant-leave', false)
      await govPage.click('[data-testid=leave-submit]')
      await govPage.locator('.el-message--success', { hasText: cadreName }).last().waitFor()
      await dialog.waitFor({ state: 'hidden' })
      await govPage.locator(`[data-testid=leaves-table] [data-talent="${cadreId}"][data-state=on_leave]`).waitFor()
      await govPage.locator('.el-message').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {})
      await shot(govPage, '39b-employer-flows')
    }, govPage)

    await step('an enterprise is told that only organs and public institutions grant business leaves', async () => {
      await emPage.goto(`${base}/employer/flows`)
      await emPage.locator('[data-testid=employer-kind][data-kind=enterprise]').waitFor()
      await emPage.locator('[data-testid=leave-not-granting]', { hasText: '党政机关' }).waitFor()
      check(!(await emPage.locator('[data-testid=grant-leave]').count()), 'an enterprise is offered to grant a leave')
      await emPage.locator('[data-testid=flows-table] .el-table__row').first().waitFor() // flows from or to it
    }, emPage)

    const cadre = await newPage({ width: 390, height: 844 })
    await step('the cadre sees the leave and the move on "My career moves"', async () => {
      await login(cadre, base, cadreUser, cadrePassword)
      await cadre.click('nav a[href="/talent/career"]')
      await cadre.waitForURL('**/talent/career')
      const leave = cadre.locator('[data-testid^=my-leave-][data-state=on_leave]', { hasText: business })
      await leave.waitFor()
      check((await leave.textContent()).includes(plusDays(cnToday, 730)), 'the return date is not shown')
      await cadre.locator('[data-testid^=my-flow-]', { hasText: '省外或无单位' }).waitFor()
      const over = await cadre.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      check(over <= 1, `My career moves is ${over}px wider than the phone`)
      await shot(cadre, '40-phone-career-zh')
    }, cadre)

    await step('the organ ends the leave with the return (today offered); the cadre sees it returned, in English at phone width', async () => {
      await govPage.locator(`[data-testid=leaves-table] [data-talent="${cadreId}"]`).waitFor()
      const row = govPage.locator('[data-testid=leaves-table] .el-table__row', { has: govPage.locator(`[data-talent="${cadreId}"]`) })
      await row.locator('[data-testid=leave-return]').click()
      const dialog = govPage.locator('[data-testid=end-leave-dialog]')
      await dialog.waitFor()
      await govPage.locator('[data-testid=end-leave-intro-return]', { hasText: cadreName }).waitFor()
      check((await govPage.locator('#el-on').inputValue()) === cnToday, 'the day offered is not today')
      await govPage.fill('#el-note', '期满前返岗（e2e）')
      await govPage.click('[data-testid=end-leave-submit]')
      await govPage.locator('.el-message--success', { hasText: '返岗' }).last().waitFor()
      await dialog.waitFor({ state: 'hidden' })
      await govPage.locator(`[data-testid=leaves-table] [data-talent="${cadreId}"][data-state=returned]`).waitFor()
      check(!(await row.locator('[data-testid=leave-return]').count()), 'a returned leave can still be ended')
      await cadre.reload()
      await cadre.locator('[data-testid^=my-leave-][data-state=returned]', { hasText: business }).waitFor()
      await chooseOption(cadre, cadre.locator('[data-testid=language]'), 'English')
      await cadre.getByRole('heading', { name: 'My career moves' }).waitFor()
      const leave = cadre.locator('[data-testid^=my-leave-][data-state=returned]')
      check((await leave.locator('[data-testid=leave-state]').textContent()).trim() === 'Returned', 'the state is not in English')
      check((await leave.textContent()).includes(`Ended ${cnToday}`), 'the day of the return is not shown')
      check((await cadre.locator('[data-testid^=my-flow-]').first().textContent()).includes('Outside the province or no employer'), 'the move is not in English')
      const over = await cadre.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      check(over <= 1, `My career moves is ${over}px wider than the phone`)
      await shot(cadre, '40b-phone-career-en')
    }, cadre)

    let newsId = 0
    const newsTitle = `Turnover housing for card holders (e2e ${stamp})`
    await step('officer publishes an article in Markdown: the preview and the article page render it, it comes first on the home page', async () => {
      const previews = []
      const onRequest = (r) => r.url().endsWith('/api/v1/news/preview') && previews.push(r.postDataJSON()?.body ?? '')
      officer.on('request', onRequest)
      await officer.click('nav a[href="/officer/news"]')
      await officer.waitForURL('**/officer/news')
      await officer.locator('[data-testid=news-table] .el-table__row').first().waitFor()
      // Checked in the browser first: nothing typed, both fields refused.
      await officer.click('[data-testid=news-submit]')
      await officer.locator('.el-form-item', { has: officer.locator('#news-title') }).locator('.el-form-item__error').waitFor()
      await officer.fill('#news-title', newsTitle)
      await officer.click('[data-testid=news-category-policy]')
      await officer.locator('[data-testid=news-lang-input] input[value=en]').focus()
      await officer.locator('[data-testid=news-lang-input] input[value=en]').press('Space') // the keyboard chooses English
      // Typed key by key: the preview goes out once typing pauses, not for every key.
      const body = '## Housing\n\nCard holders get **bold** help with *housing*.\n\n- one\n- two\n\n<script>alert(1)</script>'
      await officer.locator('#news-body').pressSequentially(body, { delay: 5 })
      const strong = officer.locator('[data-testid=news-preview] strong', { hasText: 'bold' })
      await strong.waitFor()
      check(!(await officer.locator('[data-testid=news-preview] script').count()), 'the preview carries a script')
      check((await officer.locator('[data-testid=news-preview]').textContent()).includes('<script>'), 'the preview does not show the markup as text')
      check(previews.length >= 1 && previews.length < 10 && previews[previews.length - 1] === body, `${previews.length} previews for ${body.length} keys`)
      console.log(`# news: ${previews.length} preview request(s) for ${body.length} keys typed`)
      await shot(officer, '28-officer-news')
      // The server's 422 goes next to the field it names. The browser's checks are the server's,
      // so this one answer is made up, for this request only.
      await officer.route('**/api/v1/news', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 422,
              contentType: 'application/problem+json',
              body: JSON.stringify({ type: 'urn:jincai:problem:invalid-field', title: 'Unprocessable', status: 422, detail: 'title must have 1 to 200 bytes', field: 'title' }),
            })
          : route.continue(),
      )
      await officer.click('[data-testid=news-submit]')
      await officer.locator('.el-form-item', { has: officer.locator('#news-title') }).locator('.el-form-item__error', { hasText: '200 bytes' }).waitFor()
      await officer.unroute('**/api/v1/news')
      await officer.click('[data-testid=news-submit]')
      const done = officer.locator('[data-testid=news-done]')
      await done.waitFor()
      newsId = Number(await done.getAttribute('data-id'))
      await officer.locator(`[data-testid=news-row-${newsId}]`).waitFor()
      check((await officer.locator('[data-testid=news-table] .el-table__row').first().textContent()).includes(newsTitle), 'the new article is not first in the list')
      officer.off('request', onRequest)
      await officer.click('[data-testid=news-done-link]')
      await officer.waitForURL(`**/news/${newsId}`)
      await officer.locator('[data-testid=news-body] strong', { hasText: 'bold' }).waitFor()
      check(!(await officer.locator('[data-testid=news-body] script').count()), 'the article carries a script')
      check((await officer.locator('[data-testid=news-title]').getAttribute('lang')) === 'en', 'the article is not marked English')
      // A visitor: first on the home page, in the feed, and on its page.
      await visitor.goto(`${base}/`)
      const first = visitor.locator('[data-testid=news-list] li').first()
      await first.waitFor()
      check(Number(await first.getAttribute('data-id')) === newsId, 'the new article is not first on the home page')
      check((await first.locator('[data-testid=news-lang]').getAttribute('data-lang')) === 'en', 'the new article is not marked English')
      check((await first.textContent()).includes('Card holders get bold help'), 'the summary is not the text without markup')
      // The feed may be cached for a minute (Cache-Control: max-age=60): read past the browser's cache.
      const feed = await visitor.evaluate(async (href) => (await fetch(href, { cache: 'no-store' })).text(), await visitor.locator('[data-testid=news-feed]').getAttribute('href'))
      check(feed.includes(newsTitle), 'the article is not in the Atom feed')
      await first.locator('h3 a').click()
      await visitor.locator('[data-testid=news-body] strong', { hasText: 'bold' }).waitFor()
      await shot(visitor, '29-news-article')
    }, officer)

    await step('officer withdraws the article after a confirmation: gone from the home page, the feed and its page', async () => {
      await officer.goto(`${base}/officer/news`)
      await officer.click(`[data-testid=news-withdraw-${newsId}]`)
      await officer.locator('.el-message-box', { hasText: newsTitle }).waitFor()
      await confirmBox(officer)
      await officer.locator(`[data-testid=news-row-${newsId}]`).waitFor({ state: 'detached' })
      await visitor.goto(`${base}/`)
      await visitor.locator('[data-testid=news-list] li').first().waitFor()
      check(!(await visitor.locator(`[data-testid=news-${newsId}]`).count()), 'the withdrawn article is still on the home page')
      const feed = await visitor.evaluate(async () => (await fetch('/api/v1/news.atom', { cache: 'no-store' })).text())
      check(!feed.includes(newsTitle), 'the withdrawn article is still in the feed')
      await visitor.goto(`${base}/news/${newsId}`)
      await visitor.locator('[data-testid=news-missing]').waitFor()
      // The editor at phone width.
      await officer.setViewportSize({ width: 390, height: 844 })
      await officer.goto(`${base}/officer/news`)
      await officer.locator('[data-testid=news-table] .el-table__row').first().waitFor()
      const over = await officer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      check(over <= 1, `the news editor is ${over}px wider than the phone`)
      await officer.setViewportSize({ width: 1366, height: 768 })
    }, officer)

    const analyst = await newPage()
    await step('analyst: a policy error is shown at its line; a new version is uploaded', async () => {
      await login(analyst, base, 'demo.analyst')
      await analyst.waitForURL('**/policies')
      const area = analyst.locator('[data-testid=policy-text]')
      await analyst.waitForFunction(() => (document.querySelector('[data-testid=policy-text]')?.value ?? '').includes('[policy]'))
      const text = await area.inputValue()
      const broken = text.replace("when = 'total_points >= tier_a_min_points'", "when = 'total_pointz >= tier_a_min_points'")
      check(broken !== text, 'the shipped policy text changed: update the e2e edit')
      const line = broken.slice(0, broken.indexOf('total_pointz')).split('\n').length
      await area.fill(broken)
      await analyst.click('[data-testid=check-policy]')
      const item = analyst.locator('[data-testid=diagnostics] li', { hasText: 'total_pointz' })
      await item.waitFor()
      check((await item.textContent()).includes(`第 ${line} 行`), `the diagnostic does not name line ${line}`)
      await item.locator('button').click()
      await analyst.locator('.ln.err', { hasText: String(line) }).waitFor()
      await shot(analyst, '11-policy-check', false)
      // Fixed, with a new version number, uploaded to take effect on a date.
      await area.fill(text.replace('version = "1.0.0"', 'version = "1.0.1"'))
      const date = analyst.locator('#effective-from')
      await date.click()
      await date.fill('2030-01-01')
      await date.press('Enter')
      await analyst.click('[data-testid=upload-policy]')
      await analyst.locator('[data-testid=policy-versions] .el-table__row', { hasText: '1.0.1' }).waitFor()
      check(await analyst.locator('[data-testid=policy-versions]').getByText('2030-01-01').isVisible(), 'no version in force from 2030-01-01')
    }, analyst)

    await step('analyst: the simulator redraws the tier chart within a second of a slider change (100,000 dossiers)', async () => {
      await analyst.click('nav a[href="/analyst/simulator"]')
      await analyst.waitForURL('**/analyst/simulator')
      const chart = analyst.locator('[data-testid=sim-tier-chart]')
      // The first result: the population is generated and read once (about 0.6 s).
      await analyst.waitForFunction(() => !!document.querySelector('[data-testid=sim-tier-chart]')?.dataset.stamp, null, { timeout: 60_000 })
      await chart.locator('canvas').waitFor()
      check((await analyst.locator('[data-testid=sim-dossiers]').textContent()).trim() === '100,000', 'the simulation is not over 100,000 dossiers')
      check((await analyst.locator('[data-testid=sim-changed]').textContent()).trim() === '0', 'the version differs from itself')
      /** Changes a parameter, waits for the chart to show another result, and gives the time from the change to the redraw. */
      async function redraw(change) {
        const before = await chart.getAttribute('data-stamp')
        await change()
        await analyst.waitForFunction((b) => document.querySelector('[data-testid=sim-tier-chart]')?.dataset.stamp !== b, before)
        return analyst.evaluate(() => Number(document.querySelector('[data-testid=sim-tier-chart]').dataset.drawnAt) - Number(document.querySelector('[data-testid=simulator]').dataset.changedAt))
      }
      const input = analyst.locator('#param-tier_a_min_points')
      const typed = await redraw(async () => {
        await input.fill('90')
        await input.press('Enter')
      })
      const stampTyped = await chart.getAttribute('data-stamp')
      const slider = analyst.locator('[data-testid=param-tier_a_min_points] [role=slider]')
      await slider.focus()
      const keyed = await redraw(() => slider.press('ArrowLeft'))
      check((await input.inputValue()) === '89', `the slider's arrow key gave ${await input.inputValue()}, not 89`)
      const stamp = await chart.getAttribute('data-stamp')
      console.log(`# simulator: tiers ${stampTyped} at tier A from 90 points, ${stamp} from 89`)
      console.log(`# simulator: change to redrawn chart ${typed.toFixed(0)} ms (input box), ${keyed.toFixed(0)} ms (slider, keyboard); server ${(await analyst.locator('[data-testid=sim-elapsed]').textContent()).trim()}`)
      check(typed < REDRAW_LIMIT_MS && keyed < REDRAW_LIMIT_MS, `the chart took ${typed.toFixed(0)} / ${keyed.toFixed(0)} ms to redraw (limit ${REDRAW_LIMIT_MS} ms)`)
      check(Number((await analyst.locator('[data-testid=sim-changed]').textContent()).replace(/\D/g, '')) > 0, 'no decision changed')
      check((await analyst.locator('[data-testid=sim-changed-count]').textContent()).includes('1'), 'the changed parameter is not counted')
      await analyst.locator('[data-testid=param-tier_a_min_points] [data-testid=reset-param]').waitFor()
      await analyst.locator('.el-message').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {}) // the upload's toast
      await shot(analyst, '26-analyst-simulator', false)
    }, analyst)

    await step('analyst: the reform downloads as a policy file and is uploaded as a new version', async () => {
      await analyst.click('[data-testid=sim-export]')
      const dialog = analyst.locator('[data-testid=reform-dialog]')
      await dialog.waitFor()
      check((await analyst.locator('#reform-version').inputValue()) === '1.0.0-reform', 'the version offered is not the base version with -reform')
      check((await dialog.textContent()).includes('tier_a_min_points = 89'), 'the dialog does not list the changed parameter')
      const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.click('[data-testid=reform-download]')])
      const text = readFileSync(await download.path(), 'utf8')
      check(download.suggestedFilename() === 'shanxi-2017-1.0.0-reform.toml', `downloaded ${download.suggestedFilename()}`)
      check(/^version = "1\.0\.0-reform"$/m.test(text), 'the downloaded file has no version = "1.0.0-reform"')
      const tierA = text.split('[parameters.tier_a_min_points]')[1] ?? ''
      check(/^type = "number"\nvalues = \[\{ from = [\d-]+, value = 89 \}\]/.test(tierA.trim()), 'the downloaded file does not set tier_a_min_points to 89')
      await shot(analyst, '26b-simulator-export', false)
      const date = analyst.locator('#reform-effective')
      await date.click()
      await date.fill('2031-01-01')
      await date.press('Enter')
      await analyst.click('[data-testid=reform-upload]')
      await analyst.locator('[data-testid=reform-uploaded]', { hasText: '1.0.0-reform' }).waitFor()
      // The same version again: refused, said in the dialog.
      await analyst.click('[data-testid=reform-upload]')
      await analyst.locator('[data-testid=reform-error]').waitFor()
      await analyst.keyboard.press('Escape')
      await analyst.goto(`${base}/policies`)
      await analyst.locator('[data-testid=policy-versions] .el-table__row', { hasText: '1.0.0-reform' }).waitFor()
    }, analyst)
  } finally {
    for (const c of contexts) await c.close().catch(() => {})
    await browser.close().catch(() => {})
  }
}

try {
  await main()
} catch (e) {
  failed = true
  results.push({ name: 'set-up', status: 'failed' })
  console.log(`FAIL - set-up: ${e && e.stack ? e.stack : e}`)
}
cleanup()
const n = (s) => results.filter((r) => r.status === s).length
const skipped = n('skipped')
console.log(`e2e: ${n('passed')} passed, ${n('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(n('failed') ? 1 : 0)
