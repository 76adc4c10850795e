import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ConsoleMember, Role } from '../../shared/index.ts';
import {
  admittedPeople,
  consoleCounts,
  handsQueue,
  memberActions,
  profileSummary,
  turnedAway,
  waitingPeople,
} from '../../client/src/lib/console-logic.ts';

const m = (id: string, over: Partial<ConsoleMember> = {}): ConsoleMember => ({
  id,
  name: id,
  role: 'participant',
  status: 'admitted',
  presence: 'online',
  profile: {},
  joinedAt: 0,
  handRaisedAt: null,
  roomId: null,
  ...over,
});

describe('console lists', () => {
  it('lists facilitators first, then online before reconnecting before left, then by name', () => {
    const people = admittedPeople([
      m('zoe'),
      m('Ana', { presence: 'left' }),
      m('bo', { presence: 'reconnecting' }),
      m('carl', { role: 'cohost', presence: 'left' }),
      m('host', { role: 'host' }),
      m('amir'),
      m('wait', { status: 'waiting' }),
      m('gone', { status: 'removed' }),
    ]);
    expect(people.map((p) => p.id)).toEqual(['host', 'carl', 'amir', 'zoe', 'bo', 'Ana']);
  });

  it('keeps the waiting room first come, first served, and lists removed and declined apart', () => {
    const members = [
      m('late', { status: 'waiting', joinedAt: 30 }),
      m('early', { status: 'waiting', joinedAt: 10 }),
      m('x', { status: 'removed' }),
      m('a', { status: 'declined' }),
      m('in'),
    ];
    expect(waitingPeople(members).map((p) => p.id)).toEqual(['early', 'late']);
    expect(turnedAway(members).map((p) => p.id)).toEqual(['a', 'x']);
  });

  it('orders hands by when they were raised, numbers them, and skips unknown people', () => {
    const queue = handsQueue({
      members: [m('a', { name: 'Amal' }), m('b', { name: 'Bilal' })],
      hands: [
        { memberId: 'b', raisedAt: 200 },
        { memberId: 'ghost', raisedAt: 50 },
        { memberId: 'a', raisedAt: 100 },
      ],
    });
    expect(queue).toEqual([
      { position: 1, memberId: 'a', name: 'Amal', raisedAt: 100 },
      { position: 2, memberId: 'b', name: 'Bilal', raisedAt: 200 },
    ]);
  });

  it('counts online people among those admitted; waiting people are counted on their own', () => {
    const counts = consoleCounts({
      members: [
        m('h', { role: 'host' }),
        m('a'),
        m('b', { presence: 'left' }),
        m('w', { status: 'waiting' }),
        m('r', { status: 'removed' }),
      ],
      hands: [{ memberId: 'a', raisedAt: 1 }],
    });
    expect(counts).toEqual({ online: 2, total: 3, participants: 2, waiting: 1, hands: 1 });
  });

  it('joins profile answers in question order, skipping blanks', () => {
    const fields = [{ id: 'org' }, { id: 'country' }, { id: 'lang' }];
    expect(profileSummary(fields, { country: 'Jordan', org: 'Refugee Aid', lang: ' ' })).toBe('Refugee Aid · Jordan');
    expect(profileSummary(fields, {})).toBe('');
  });
});

describe('what a facilitator may do to whom', () => {
  it('the host can promote, demote and remove anyone but themselves', () => {
    const host = { id: 'h', role: 'host' as Role };
    expect(memberActions(host, m('p'))).toEqual({ setRole: 'cohost', remove: true });
    expect(memberActions(host, m('c', { role: 'cohost' }))).toEqual({ setRole: 'participant', remove: true });
    expect(memberActions(host, m('h', { role: 'host' }))).toEqual({ setRole: null, remove: false });
  });

  it('a co-host can remove participants only, and change no roles', () => {
    const cohost = { id: 'c', role: 'cohost' as Role };
    expect(memberActions(cohost, m('p'))).toEqual({ setRole: null, remove: true });
    expect(memberActions(cohost, m('c2', { role: 'cohost' }))).toEqual({ setRole: null, remove: false });
    expect(memberActions(cohost, m('h', { role: 'host' }))).toEqual({ setRole: null, remove: false });
  });

  it('never offers actions on yourself, on the host, or on people who are not in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>('host', 'cohost'),
        fc.constantFrom<Role>('host', 'cohost', 'participant'),
        fc.constantFrom('waiting', 'admitted', 'declined', 'removed') as fc.Arbitrary<ConsoleMember['status']>,
        fc.boolean(),
        (viewerRole, role, status, self) => {
          const target = m(self ? 'me' : 'other', { role, status });
          const actions = memberActions({ id: 'me', role: viewerRole }, target);
          if (self || role === 'host' || status !== 'admitted') expect(actions).toEqual({ setRole: null, remove: false });
          if (viewerRole !== 'host') expect(actions.setRole).toBeNull();
        },
      ),
    );
  });
});
