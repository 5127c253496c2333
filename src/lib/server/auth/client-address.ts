/**
 * Behind a reverse proxy every request comes from the proxy's address: without ADDRESS_HEADER the
 * login throttle sees one client for everybody. A request carrying a forwarding header while
 * ADDRESS_HEADER is unset is the sign of it.
 */
export function proxyWithoutAddressHeader(headers: Headers, env: NodeJS.ProcessEnv = process.env): string | null {
	if (env.ADDRESS_HEADER) return null;
	const forwarded = ['x-forwarded-for', 'forwarded', 'x-real-ip'].find((name) => headers.has(name));
	if (!forwarded) return null;
	return (
		`Attention : les requêtes portent l’en-tête ${forwarded} mais ADDRESS_HEADER n’est pas défini. ` +
		'Derrière un proxy, tous les utilisateurs partagent alors une seule adresse pour la limitation des connexions : ' +
		'définissez ADDRESS_HEADER=x-forwarded-for (et XFF_DEPTH).'
	);
}
