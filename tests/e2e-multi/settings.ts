/** Two instances of the built app, e.g. E2E_MULTI_PORTS=4211,4212. */
export const ports = (process.env.E2E_MULTI_PORTS ?? '4470,4471').split(',').map(Number) as [number, number];
/** Named after the ports: two runs on one PostgreSQL server (which cannot share ports anyway) never drop each other's. */
export const MULTI_DATABASE = `soutenance_e2e_multi_${ports[0]}`;
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const url = new URL(serverUrl);
url.pathname = `/${MULTI_DATABASE}`;
export const multiDatabaseUrl = url.toString();
export const instanceUrl = (index: 0 | 1) => `http://localhost:${ports[index]}`;
