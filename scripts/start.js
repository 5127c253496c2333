// npm start: serves the built app. adapter-node assumes https when ORIGIN is unset, which would
// make every form post look cross-site on http://localhost, so default ORIGIN to the local address.
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
await import('../build/index.js');
