/** @module What the tests of both eras pin: the last month of the databases seeded with today's structure (a
 * first start seeds up to the last complete month; tests pin it so that their figures never move). */

/** The last period of the test databases of both eras. */
export const TODAY_LAST_PERIOD = '2026-11';
