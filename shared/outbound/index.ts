/** Planning next-day pick runs (issue #12): the site's layout, picker routing and order batching. Pure: no I/O. */
export * from './layout';
export * from './routing';
export * from './run-sizing';
export * from './batching';
