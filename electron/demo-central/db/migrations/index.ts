import type { Migration } from '../../../platform/db/migration';
import { migration0001 } from './0001-centre';
import { migration0002 } from './0002-site';
import { migration0003 } from './0003-runs';
import { migration0004 } from './0004-exceptions';
import { migration0005 } from './0005-site-exceptions';
import { migration0006 } from './0006-reruns';
import { migration0007 } from './0007-parcels';

/** The demo centre's schema, apart from the station's: its own file, its own numbering. */
export const centreMigrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007];
