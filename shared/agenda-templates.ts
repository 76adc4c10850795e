import type { SegmentInput } from './agenda.ts';

/**
 * Ready-made agendas for communities of practice, written with the facilitators of refugee-support
 * networks in mind: people join from many countries and time zones, in several languages, often on
 * a phone with a weak connection. Each segment carries notes for the facilitator: what to say and
 * what to watch for. A facilitator loads one and changes it to fit the group.
 *
 * Types only from agenda.ts: the client may import this file without loading zod. A unit test
 * parses every template with `AgendaFile` and checks the minutes add up.
 */

export type AgendaTemplate = {
  id: string;
  /** Ends with the length, e.g. "(90 min)": the segments' minutes add up to it. */
  name: string;
  description: string;
  segments: SegmentInput[];
};

const communityOfPractice: AgendaTemplate = {
  id: 'community-of-practice-90',
  name: 'Community of practice meeting (90 min)',
  description:
    'A regular meeting of member organisations: a check-in, a world café on what makes our work succeed, small groups that mix organisations, a shared harvest and a check-out.',
  segments: [
    {
      id: 's1',
      title: 'Welcome',
      minutes: 5,
      notes:
        'Greet people by name as they arrive. Say what today is for and how it will go: a check-in, a world café at small tables, small groups, then back together. ' +
        'Say that it is fine to join by audio only or with the camera off if the connection is weak, and that people may write in the chat in any language. ' +
        'Agree together: we listen to each other, what people share about their lives stays here, and anyone may pass. ' +
        'Tell people how to ask for help (raise a hand, or write to a co-host). Watch for: people waiting to be let in, anyone who cannot hear.',
      activity: { kind: 'plenary' },
    },
    {
      id: 's2',
      title: 'Check-in',
      minutes: 10,
      notes:
        'Read a few answers aloud as they come in and invite two or three people to say a little more. ' +
        'People who type slowly, write in a second language or use a translation tool need time: wait before you move on. Any language is welcome. ' +
        'Watch for who has not answered. A quiet personal welcome helps more than a reminder to everyone.',
      activity: { kind: 'checkin', question: 'How are you arriving today? Tell us in one sentence about you or your work this month.' },
    },
    {
      id: 's3',
      title: 'World café: what makes our work succeed',
      minutes: 30,
      notes:
        'Before you press Next, ask for three table hosts. Hosts stay at one table for every round: they welcome each new group, sum up what earlier groups said, and keep the table notes. ' +
        'Everyone else moves by themselves after each round. Explain: three rounds of 9 minutes, a minute to move, new people at every table. ' +
        'Watch the café panel for tables whose notes stay empty (have a word with their host at the next move) and for people whose connection dropped: they come back to a table by themselves. ' +
        'Tables work best with four to six people: with more than about 18, add a second table for a topic before you press Next.',
      activity: {
        kind: 'cafe',
        tables: [
          {
            name: 'Trust',
            topic: 'Trust with the communities we serve',
            question: 'Think of a time a community trusted your organisation. What made that possible?',
          },
          {
            name: 'Working together',
            topic: 'Working with other organisations',
            question: 'What helps partners share referrals, information and credit fairly? What gets in the way?',
          },
          {
            name: 'Lived experience',
            topic: 'People with lived experience leading',
            question: 'How do people with lived experience of migration shape decisions in your organisation, not only take part in activities?',
          },
        ],
        rounds: 3,
        roundMinutes: 9,
        moveSeconds: 60,
        hosts: 'volunteers',
      },
    },
    {
      id: 's4',
      title: 'Break',
      minutes: 5,
      notes:
        'Say the time you start again. People on phones may want to turn video off to save battery and data: that is fine. ' +
        'Use the break to read the café notes and pick two or three ideas to name in the harvest.',
      activity: { kind: 'break' },
    },
    {
      id: 's5',
      title: 'Small groups across organisations',
      minutes: 20,
      notes:
        'Rooms of about four, each person from a different organisation where possible. The rooms open as soon as you press Next: look at them in the console, and ' +
        'if someone needs a shared language (or an interpreter) to take part, move them to a room where they have it. ' +
        'Ask each room to choose one person to keep notes and one to report back. Halfway through, send a message to every room: "About 10 minutes left: write your ideas in the notes." ' +
        'Watch for help calls and rooms with empty notes; visit briefly, camera on, and say who you are.',
      activity: {
        kind: 'breakouts',
        sizing: { by: 'size', perRoom: 4 },
        strategy: { kind: 'mix', field: 'organisation' },
        prompt:
          'From what you heard at the café tables, choose one thing that helps our work succeed and that matters to all of you. What could your organisations try together in the next three months? Write one or two ideas in the notes.',
      },
    },
    {
      id: 's6',
      title: 'Harvest: what we take forward',
      minutes: 12,
      notes:
        'Invite everyone to open "What the rooms said" to read the notes. Ask each room for one idea in under a minute. ' +
        'When hands go up, give the floor first to people who have not spoken yet today. ' +
        'Name the ideas that came up more than once and say what happens next: who follows up, and when the community meets again. ' +
        'Remind people which notes stay inside the community and are never shared outside it.',
      activity: { kind: 'plenary' },
    },
    {
      id: 's7',
      title: 'Check-out',
      minutes: 8,
      notes:
        'Let people answer in writing first, then invite a few voices. ' +
        'Thank everyone, especially those joining late at night or early in the morning where they are. Say when and how the notes will be shared.',
      activity: { kind: 'checkout', question: 'What is one thing you take with you from today, and who would you like to talk with again?' },
    },
  ],
};

const peerLearning: AgendaTemplate = {
  id: 'peer-learning-60',
  name: 'Peer learning session (60 min)',
  description:
    'One member organisation shows a practice that works for them; everyone reacts, then small groups of new people ask how it could work where they are.',
  segments: [
    {
      id: 's1',
      title: 'Welcome and check-in',
      minutes: 7,
      notes:
        'Welcome people and introduce the organisation that will present today. Say that it is fine to join by audio only. ' +
        'Read out a few check-in answers: they tell the presenter what people hope to learn. Wait for people who type slowly or in a second language.',
      activity: { kind: 'checkin', question: 'What is one challenge in your work right now that you would like to learn about from others?' },
    },
    {
      id: 's2',
      title: 'Spotlight: one organisation shares a practice',
      minutes: 12,
      notes:
        'Before the session, ask the presenter to keep to 8 minutes: what they do, for whom, what it took, what went wrong. Few slides with large text (many people are on phones), and speak slowly. ' +
        'Leave time for two or three questions to understand the practice, not opinions yet. ' +
        'If the presenter\'s connection drops, a co-host can say a few words about the practice until they are back.',
      activity: { kind: 'plenary' },
    },
    {
      id: 's3',
      title: 'Round of first reactions',
      minutes: 8,
      notes:
        'Everyone gets 45 seconds for one thing that struck them. Say clearly that passing is always fine. ' +
        'With more than about ten people, ask for one sentence each, or skip this round and let the small groups react. ' +
        'Thank each person by name and keep an eye on the speaking balance.',
      activity: { kind: 'goAround', order: 'random', turnSeconds: 45 },
    },
    {
      id: 's4',
      title: 'Small groups: could this work for us?',
      minutes: 15,
      notes:
        'Rooms of about four, with people they have not been in a group with before. The rooms open as soon as you press Next: move someone if they have no shared language in their room. ' +
        'The presenter can visit the rooms to answer questions. Watch for help calls, and send a message to every room 3 minutes before the end.',
      activity: {
        kind: 'breakouts',
        sizing: { by: 'size', perRoom: 4 },
        strategy: { kind: 'avoidPrevious' },
        prompt:
          'How could this practice work where you are? What would you need to change, and what would stand in the way? Write down one change you would like to try.',
      },
    },
    {
      id: 's5',
      title: 'Back together: questions and ideas',
      minutes: 8,
      notes:
        'Each room shares one change they would try, or one question for the presenter. Give the floor first to people who have not spoken yet. ' +
        'Give the presenter the last word, and thank them.',
      activity: { kind: 'plenary' },
    },
    {
      id: 's6',
      title: 'How useful was this?',
      minutes: 3,
      notes:
        'The poll is anonymous: say so, so that people feel free to be honest. Results stay hidden until you reveal them, so the first answers do not sway the rest. ' +
        'Reveal them when most people have answered.',
      activity: {
        kind: 'poll',
        poll: {
          kind: 'scale',
          question: 'How useful was this session for your work?',
          settings: { anonymous: true, results: 'onReveal' },
          min: 1,
          max: 5,
          minLabel: 'Not useful',
          maxLabel: 'Very useful',
        },
      },
    },
    {
      id: 's7',
      title: 'Check-out',
      minutes: 7,
      notes: 'Invite a few people to read their answer aloud. Say how the presenter can be reached for follow-up questions, and when the next session is.',
      activity: { kind: 'checkout', question: 'What is one thing you will try, or share with your team, after today?' },
    },
  ],
};

const speedNetworking: AgendaTemplate = {
  id: 'speed-networking-30',
  name: 'Speed networking (30 min)',
  description: 'Four short one-to-one conversations with a question to start each one, so members get to know people in other organisations.',
  segments: [
    {
      id: 's1',
      title: 'Welcome',
      minutes: 3,
      notes:
        'Explain: you will talk with one person at a time for 5 minutes, four times, and never with the same person twice. ' +
        'The app moves you; you do not need to click anything. Each round starts with a question. ' +
        'If your partner does not arrive, wait a minute: their connection may be slow. Audio only is fine.',
      activity: { kind: 'plenary' },
    },
    {
      id: 's2',
      title: 'One-to-one conversations',
      minutes: 22,
      notes:
        'Stay in the plenary to welcome people who arrive late: they join a conversation straight away. ' +
        'With an odd number of people, one pair becomes a group of three. ' +
        'Watch for someone left alone after a partner\'s connection dropped; a co-host can talk with them for that round.',
      activity: {
        kind: 'networking',
        rounds: 4,
        roundMinutes: 5,
        moveSeconds: 30,
        prompts: [
          'What is one thing your organisation does that others could learn from?',
          'What is a challenge you are facing right now, and what kind of help would make a difference?',
          'Who or what in your community keeps you going in this work?',
          'What could the two of us, or our organisations, do together in the next six months?',
        ],
      },
    },
    {
      id: 's3',
      title: 'In a word',
      minutes: 2,
      notes: 'Read out the words that come up most, and one or two surprising ones.',
      activity: {
        kind: 'poll',
        poll: {
          kind: 'wordcloud',
          question: 'In one or two words: what did you find in these conversations?',
          settings: { anonymous: true, results: 'live' },
          maxWords: 2,
        },
      },
    },
    {
      id: 's4',
      title: 'Check-out',
      minutes: 3,
      notes:
        'Remind people how to reach each other through the network\'s usual channels: the app does not share contact details. Thank everyone for coming.',
      activity: { kind: 'checkout', question: 'Who would you like to stay in touch with, and about what?' },
    },
  ],
};

export const AGENDA_TEMPLATES: readonly AgendaTemplate[] = [communityOfPractice, peerLearning, speedNetworking];
