// npm start: serves the built app with the defaults a local run needs. adapter-node assumes https when ORIGIN is unset, which would
// make every form post look cross-site on http://localhost, so default ORIGIN to the local address.
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Imports accept files up to 5 MB; the preview posts them back base64-encoded (4/3 larger).
process.env.BODY_SIZE_LIMIT ??= '8M';
await import('../build/index.js');
