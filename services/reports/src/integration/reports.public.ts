import { PublicMessage, publicMessage } from '@police/messaging';
import type { RecordedEvent } from '@police/event-store';
import type {
  Channel,
  ConductComplaintRoutedToIntegrity,
  InvestigationRequested,
  ObjectDeclared,
  PartyRole,
  Place,
} from '../domain/report.events';

type ContractPartyRole = 'aangever' | 'slachtoffer' | 'benadeelde' | 'verdachte' | 'getuige' | 'andere';
const PARTY_ROLE: Record<PartyRole, ContractPartyRole> = {
  reporter: 'aangever',
  victim: 'slachtoffer',
  witness: 'getuige',
  suspect: 'verdachte',
};

type ConductChannel = 'balie' | 'email' | 'brief' | 'burgemeester' | 'comite_p' | 'aig' | 'online_formulier' | 'telefoon';
/**
 * Our intake channels in integrity's words. A complaint made to an officer in the street or during an
 * intervention was made in person to the police, as at a desk: `balie` is the nearest the contract has.
 */
const CONDUCT_CHANNEL: Record<Channel['kind'], ConductChannel> = {
  front_desk: 'balie',
  police_on_web: 'online_formulier',
  meldpunt_email: 'email',
  meldpunt_form: 'online_formulier',
  phone: 'telefoon',
  street: 'balie',
  intervention: 'balie',
};

/** The zone's time zone, for the calendar days of the found/lost contracts. */
const ZONE_TIME_ZONE = 'Europe/Brussels';

function day(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Cuts a text to a contract's maximum length (the report keeps the whole text). */
function upTo(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function place(p: Place): Place {
  return {
    municipality: upTo(p.municipality, 100),
    ...(p.postalCode !== undefined && { postalCode: p.postalCode }),
    ...(p.address !== undefined && { address: upTo(p.address, 200) }),
  };
}

/**
 * The reports service's only gateway from private events to public contracts: a referral for
 * investigation (F1), a complaint about police conduct for integrity (F6), found and lost objects for
 * evidence (F5). Everything else — intake, amendments, triage, the PV lifecycle — stays private.
 */
export function reportsToPublic(event: RecordedEvent): PublicMessage | null {
  // Its statement was destroyed here (ADR 0053): whatever it was, it left when it had to, and nothing of it leaves now.
  if (event.erased) return null;
  switch (event.type) {
    case 'InvestigationRequested': {
      const d = event.data as InvestigationRequested['data'];
      if (d.kind !== 'aangifte' && d.kind !== 'klacht' && d.kind !== 'melding') return null;
      return publicMessage(event, 'reports.ReportReferredForInvestigation.v1', {
        reportId: d.reportId,
        ...(d.pvNumber !== undefined && { pvNumber: d.pvNumber }),
        kind: d.kind,
        incidentType: upTo(d.incidentType, 100),
        incidentFrom: d.timeWindow.from,
        incidentTo: d.timeWindow.to,
        place: place(d.place),
        summary: upTo(d.narrative, 4000),
        // A party with several roles (reporter and victim) is listed once per role.
        parties: d.parties.flatMap((p) =>
          p.roles.map((role) => ({ partyId: p.partyId, role: PARTY_ROLE[role], displayName: upTo(p.name, 200) })),
        ),
        referredBy: d.requestedBy,
        referredAt: d.requestedAt,
        competentService: upTo(d.competentService, 100),
      });
    }
    case 'ConductComplaintRoutedToIntegrity': {
      const d = event.data as ConductComplaintRoutedToIntegrity['data'];
      const c = d.complaint;
      const complainant = c.parties.find((p) => p.roles.includes('reporter')) ?? c.parties[0];
      return publicMessage(event, 'reports.PoliceConductComplaintFiled.v1', {
        reportId: d.reportId,
        channel: CONDUCT_CHANNEL[c.channel.kind],
        receivedAt: c.receivedAt,
        complainant: {
          name: upTo(complainant.name, 200),
          ...(complainant.contact !== undefined && { contact: upTo(complainant.contact, 200) }),
        },
        staffMembersConcerned: c.staffMembersConcerned ?? [],
        facts: upTo(c.narrative, 10000),
        ...(c.channel.kind === 'front_desk' && { office: upTo(c.channel.officeId, 100) }),
      });
    }
    case 'ObjectDeclared': {
      const d = event.data as ObjectDeclared['data'];
      // The domain refuses a declaration without a place; an older event without one stays private.
      if (d.place === undefined) return null;
      const common = {
        reportId: d.reportId,
        category: d.object.category ?? 'other',
        description: upTo(d.object.description, 1000),
        place: place(d.place),
        declarantRef: d.declarant.partyId,
        declaredAt: d.declaredAt,
      };
      const on = day(d.timeWindow?.from ?? d.declaredAt);
      return d.declaration === 'found'
        ? publicMessage(event, 'reports.FoundObjectDeclared.v1', { ...common, foundOn: on })
        : publicMessage(event, 'reports.LossDeclared.v1', { ...common, lostOn: on });
    }
    default:
      return null;
  }
}
