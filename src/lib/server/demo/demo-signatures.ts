import { PNG } from 'pngjs';
import { SIGNATURE_PAD } from '$lib/domain/attendance/signature-image';

/**
 * A signature as a hand draws it on the pad, for the demo and tests: a flowing line of loops
 * whose shape follows the name (so two people do not sign alike), dark ink on a transparent PNG
 * of the pad's size, as the tablet sends it.
 */
export function demoSignaturePng(name: string): Buffer {
	const { width, height } = SIGNATURE_PAD;
	const png = new PNG({ width, height });
	let seed = [...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) >>> 0;
		return seed / 2 ** 32;
	};
	const ink = (x: number, y: number) => {
		for (let dy = -3; dy <= 3; dy++)
			for (let dx = -3; dx <= 3; dx++) {
				const px = Math.round(x + dx);
				const py = Math.round(y + dy);
				if (dx * dx + dy * dy > 9 || px < 0 || py < 0 || px >= width || py >= height) continue;
				const index = (py * width + px) * 4;
				png.data.set([20, 33, 61, 255], index);
			}
	};
	const loops = 4 + Math.floor(random() * 4);
	const amplitude = 60 + random() * 50;
	const slant = 0.3 + random() * 0.4;
	for (let step = 0; step <= 2000; step++) {
		const progress = step / 2000;
		const angle = progress * loops * 2 * Math.PI;
		const x = 90 + progress * (width - 200) + Math.cos(angle) * 28 + Math.sin(angle) * amplitude * slant;
		const y = height / 2 + Math.sin(angle) * amplitude * (0.6 + 0.4 * Math.sin(progress * Math.PI)) - progress * 30;
		ink(x, y);
	}
	// The underline that ends many signatures.
	for (let x = 120; x < width - 140; x += 2) ink(x, height / 2 + amplitude + 30 + Math.sin(x / 40) * 4);
	return PNG.sync.write(png);
}
