import { guardEndpoint } from '$lib/server/access';
import { exportFile } from '$lib/server/accrochage/declaration-service';
import type { RequestHandler } from './$types';

/** A prepared XML flux, as it was made (its passages keep their idTechnique for the receipt). */
export const GET: RequestHandler = guardEndpoint({ roles: ['coordinator'] }, async (event, { db }) => {
	const file = await exportFile(db, event.params.exportId);
	return new Response(file.xml, {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'content-disposition': `attachment; filename="${file.fluxId}.xml"`,
			'cache-control': 'no-store'
		}
	});
});
