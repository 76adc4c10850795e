import { failure, type ErrorBody } from '../../shared/errors.ts';
import { checkProfile, type ProfileValues } from '../../shared/profile.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { Role } from '../../shared/session.ts';
import type { EventBody } from './events.ts';
import type { Member, WorkshopState } from './state.ts';

export type NewMember = { id: string; name: string; profile: ProfileValues; tokenHash: string };

type JoinDecision = { ok: true; events: EventBody[] } | { ok: false; error: ErrorBody };

/** A newcomer with the join link or code. `previousMember` is whoever this browser was before, if anyone. */
export function decideJoin(state: WorkshopState, joiner: NewMember, previousMember: Member | undefined): JoinDecision {
  if (previousMember) {
    const refused = refusedReason(previousMember);
    if (refused) return { ok: false, error: refused };
  }
  if (state.settings.locked) {
    return failure('locked', 'This workshop is locked: nobody new can join right now. Ask the facilitator to unlock it.');
  }
  return newMember(state, joiner, 'participant', state.settings.waitingRoom ? 'waiting' : 'admitted');
}

/** Someone with the co-host link: they skip the waiting room and the lock, since they hold a key. */
export function decideCohostJoin(state: WorkshopState, joiner: NewMember): JoinDecision {
  return newMember(state, joiner, 'cohost', 'admitted');
}

/** Why a known member may not come back, or null when they may. */
export function refusedReason(member: Member): ErrorBody | null {
  if (member.status === 'removed') {
    return failure('removed', 'You were removed from this workshop. If you think this is a mistake, contact the facilitator.')
      .error;
  }
  if (member.status === 'declined') {
    return failure('declined', 'The host did not let you into this workshop. Contact the facilitator if you expected to join.')
      .error;
  }
  return null;
}

function newMember(
  state: WorkshopState,
  joiner: NewMember,
  role: Role,
  status: 'waiting' | 'admitted',
): JoinDecision {
  if (Object.keys(state.members).length >= LIMITS.membersPerWorkshop) {
    return failure('locked', `This workshop is full (${LIMITS.membersPerWorkshop} people). Ask the facilitator to start a new one.`);
  }
  const profile = checkProfile(state.profileFields, joiner.profile);
  if (!profile.ok) {
    const field = state.profileFields.find((f) => f.id === profile.problem.fieldId);
    const label = field?.label ?? profile.problem.fieldId;
    const message =
      profile.problem.problem === 'missing'
        ? `Please fill in "${label}".`
        : profile.problem.problem === 'not_a_choice'
          ? `Please pick one of the listed options for "${label}".`
          : `This workshop does not ask for "${label}". Reload the join page and try again.`;
    return failure('bad_request', message);
  }
  return {
    ok: true,
    events: [
      {
        type: 'member.joined',
        member: { id: joiner.id, name: joiner.name, role, profile: profile.values, tokenHash: joiner.tokenHash, status },
      },
    ],
  };
}
