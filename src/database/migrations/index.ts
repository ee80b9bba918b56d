import { FourLists1732300000000 } from './1732300000000-four-lists.js';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [FourLists1732300000000];
