/** This server process, as the owner of what it holds in the shared database: planning runs it solves, outbox messages it claims. */
export const INSTANCE_ID = crypto.randomUUID();
