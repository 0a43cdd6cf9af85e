import { formatValue, plural } from '../model/format.js';
import type { ReportData } from './report-data.js';

/**
 * "What to look at": each line names a metric, its value, the target it misses and why that
 * matters, derived only from the numbers of this report. Nothing is listed when all is well.
 */
export interface Finding {
  metric: string;
  value: string;
  target: string;
  why: string;
}

const pct = (v: number): string => formatValue('share', v);
const dur = (v: number): string => formatValue('duration', v);
const num = (v: number): string => formatValue('number', v);

type Data = Omit<ReportData, 'lookAt'>;

function ticketFindings(d: Data): Finding[] {
  const out: Finding[] = [];
  const t = d.targets;
  const s = d.summary;
  const sl = s.serviceLevel;
  if (sl?.rate != null && sl.rate < t.serviceLevel) {
    out.push({
      metric: `first replies within ${dur(sl.targetMinutes)}`,
      value: pct(sl.rate),
      target: `≥ ${pct(t.serviceLevel)}`,
      why: `${sl.replies - sl.withinTarget} of ${sl.replies} customers waited longer than ${dur(sl.targetMinutes)}${sl.basis === 'business' ? ' of business hours' : ''} for a first answer`,
    });
  }
  const frt = s.firstReplyMinutes ?? s.firstReplyMinutesBusiness;
  if (frt?.median != null && frt.median > t.firstReplyMinutes) {
    out.push({ metric: 'first reply median', value: dur(frt.median), target: `≤ ${dur(t.firstReplyMinutes)}`, why: 'half of all customers wait at least this long for any answer' });
  }
  if (s.unanswered != null && s.unanswered > 0) {
    out.push({ metric: 'tickets without a reply', value: num(s.unanswered), target: '0', why: `${pct(s.unanswered / Math.max(s.created, 1))} of the period's tickets never got an answer` });
  }
  const res = s.fullResolutionMinutes ?? s.fullResolutionMinutesBusiness;
  if (res?.median != null && res.median > t.resolutionMinutes) {
    out.push({ metric: 'resolution median', value: dur(res.median), target: `≤ ${dur(t.resolutionMinutes)}`, why: 'the typical problem stays open longer than the target' });
  }
  if (s.fcr?.rate != null && s.fcr.rate < t.fcr) {
    out.push({ metric: 'first-contact resolution', value: pct(s.fcr.rate), target: `≥ ${pct(t.fcr)}`, why: `${s.fcr.eligible - s.fcr.resolvedOnFirstContact} solved tickets needed more than one reply or a reopen` });
  }
  if (s.reopenRate != null && s.reopenRate > t.reopenRate) {
    out.push({ metric: 'reopen rate', value: pct(s.reopenRate), target: `≤ ${pct(t.reopenRate)}`, why: 'customers come back because the first solution did not hold' });
  }
  if (s.csat?.score != null && s.csat.score < t.csat) {
    out.push({ metric: 'CSAT', value: pct(s.csat.score), target: `≥ ${pct(t.csat)}`, why: `${s.csat.responses - s.csat.satisfied} of ${s.csat.responses} rated tickets were not satisfied` });
  }
  if (d.backlog.net > 0) {
    out.push({
      metric: 'backlog',
      value: `+${d.backlog.net} (${d.backlog.created} created, ${d.backlog.solved} solved)`,
      target: 'solved ≥ created',
      why: `${plural(d.backlog.unsolvedAtEnd, 'ticket')} open at the end of the period and the queue is growing`,
    });
  }
  for (const a of d.agents) {
    const worse = a.flags.filter((f) => f.includes(' worse than '));
    if (worse.length > 0) {
      out.push({ metric: `agent ${a.agent}`, value: worse.join('; '), target: 'close to the team', why: 'a gap this large usually means a different ticket mix or a skill gap worth a look' });
    }
  }
  return out;
}

function customerFindings(d: Data): Finding[] {
  const out: Finding[] = [];
  const t = d.targets;
  const nps = d.surveys?.nps?.score;
  if (nps != null && nps < t.nps) {
    out.push({ metric: 'NPS', value: num(nps), target: `≥ ${t.nps}`, why: `${d.surveys!.nps!.detractors} detractors against ${d.surveys!.nps!.promoters} promoters` });
  }
  const csat = d.surveys?.csat?.score;
  if (csat != null && csat < t.csat) {
    out.push({ metric: 'CSAT (surveys)', value: pct(csat), target: `≥ ${pct(t.csat)}`, why: 'fewer than the target share of surveyed customers were satisfied' });
  }
  const m = d.accounts?.latest;
  if (m) {
    if (m.customerChurn != null && m.customerChurn > t.customerChurn) {
      out.push({ metric: `customer churn (${m.month})`, value: pct(m.customerChurn), target: `≤ ${pct(t.customerChurn)}`, why: `${m.customersLost} of ${m.customersStart} paying customers left in the month` });
    }
    if (m.mrrChurn != null && m.mrrChurn >= t.mrrChurn) {
      out.push({ metric: `MRR churn (${m.month})`, value: pct(m.mrrChurn), target: `< ${pct(t.mrrChurn)}`, why: `${num(m.churnedMrr)} of ${num(m.mrrStart)} monthly revenue left with lost customers` });
    }
    if (m.netMrrChurn != null && m.netMrrChurn >= t.netMrrChurn) {
      out.push({ metric: `net MRR churn (${m.month})`, value: pct(m.netMrrChurn), target: `< ${pct(t.netMrrChurn)}`, why: `expansion (${num(m.expansionMrr)}) did not make up for lost revenue (${num(m.churnedMrr)})` });
    }
  }
  const c = d.accounts?.concentration;
  if (c?.concentrated && c.topShare != null) {
    out.push({ metric: `revenue concentration (${c.month})`, value: `${pct(c.topShare)} from the top ${c.topCustomers} customers`, target: `< ${pct(c.threshold)} from the top 20%`, why: 'losing one large account would move revenue more than any support metric' });
  }
  const sup = d.support;
  if (sup && sup.churned.ticketsPerCustomer != null && sup.retained.ticketsPerCustomer != null && sup.churned.ticketsPerCustomer > sup.retained.ticketsPerCustomer * 1.5) {
    out.push({
      metric: 'tickets per churned customer',
      value: `${num(sup.churned.ticketsPerCustomer)} vs ${num(sup.retained.ticketsPerCustomer)} for retained`,
      target: 'no more than retained customers',
      why: 'the customers who left needed much more support before leaving',
    });
  }
  return out;
}

export const lookAtList = (data: Data): Finding[] => [...ticketFindings(data), ...customerFindings(data)];
