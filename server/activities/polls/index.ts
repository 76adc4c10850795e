/** The polls activity's pure parts, for the engine to plug in (see docs in each file). */
export { POLL_EVENTS, POLL_EVENT_TYPES, isPollEvent, type PollEvent, type StoredPollEvent } from './events.ts';
export { EMPTY_POLLS, type AnswerRecord, type PollRecord, type PollsState } from './state.ts';
export { applyPollEvent } from './reducer.ts';
export { decidePoll, type PollContext, type PollDecision } from './decide.ts';
export { validateAnswer, checkAnswer, sameAnswer, type Checked } from './validate.ts';
export { applyPollEventTallied, buildTallies, resultsOf, tallyPollEvent, type PollTallies, type PollTally } from './aggregate.ts';
export {
  facilitatorPoll,
  facilitatorPolls,
  participantPolls,
  participantPollsShared,
  type NameOf,
  type ParticipantPollsShared,
  type PollViewer,
} from './views.ts';
export { pollExport, pollExportJson, pollResponsesCsv, pollResultsCsv } from './export.ts';
