/**
 * The demo central service: a complete implementation of the station ↔ centre protocol
 * (docs/protocol.md) over its own SQLite file, with generated marketplace data and, in test mode,
 * fault injection and simulated time. `npm run central` runs it standalone (cli.ts).
 */
export { centralDefaults, startCentral } from './central';
export type { Central, CentralOptions } from './central';
export {
  backupDoneSchema,
  controlAcknowledgedSchema,
  orderControlDoneSchema,
  receivedEventsSchema,
  restoreDoneSchema,
  stockViewSchema,
  testControlSchemas,
  testControls,
  tickDoneSchema,
} from './test-controls';
export type { ReceivedEvents, StockView, TestControl } from './test-controls';
