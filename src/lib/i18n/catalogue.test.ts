import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

// The catalogue is the one place for French text (README): this keeps the templates honest. It reads
// each component with Svelte's own parser, so <script>, <style>, comments and {expressions} are set
// aside exactly, and reports what is left that a reader would see.

// Attributes a person reads (or hears from a screen reader), and the components' props that carry text.
const readAttributes = new Set([
	'aria-label',
	'title',
	'placeholder',
	'alt',
	'label',
	'submitLabel',
	'rowWord',
	'confirmNote',
	'rowsLabel'
]);
// Letters that are symbols, not words.
const allowed = new Set(['α']);
const hasWord = (text: string) => [...text.matchAll(/\p{L}+/gu)].some(([word]) => !allowed.has(word));
// A string literal in an expression is prose when it holds an accented letter, two words, or a capitalised word:
// identifiers, codes and CSS classes ('absent', 'HH:mm', 'status-done') are none of these.
const isProse = (text: string) => /[À-ÿœŒ]|\p{L}\s+\p{L}|(^|\s)[A-Z][a-z]+/u.test(text);
// Attributes whose expressions hold code, not text.
const codeAttributes = new Set(['class', 'href', 'id', 'for', 'name', 'type', 'style', 'action', 'formaction', 'value']);

type Node = { type: string; start: number; end: number; [key: string]: unknown };

export function literalFrench(source: string): string[] {
	const found: string[] = [];
	const visit = (node: unknown, within: 'template' | 'attribute' | 'expression' | 'code') => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((child) => visit(child, within));
		const n = node as Node;
		if (n.type === 'Text' && within === 'template' && hasWord(String(n.data))) found.push(String(n.data).trim());
		if (n.type === 'Attribute' && Array.isArray(n.value)) {
			const parts = n.value as Node[];
			if (readAttributes.has(String(n.name)) && parts.some((part) => part.type === 'Text' && hasWord(String(part.data))))
				found.push(source.slice(n.start, n.end));
		}
		if (within === 'expression') {
			if (n.type === 'Literal' && typeof n.value === 'string' && isProse(n.value)) found.push(n.value);
			if (n.type === 'TemplateElement' && isProse(String((n.value as { cooked: string }).cooked)))
				found.push((n.value as { cooked: string }).cooked);
		}
		for (const [key, child] of Object.entries(n)) {
			if (key === 'metadata' || key === 'parent' || key === 'loc') continue;
			let next = within;
			if (n.type === 'Attribute' || n.type === 'ClassDirective' || n.type === 'StyleDirective')
				next = codeAttributes.has(String(n.name)) || n.type !== 'Attribute' ? 'code' : 'attribute';
			if (['expression', 'test', 'key', 'index'].includes(key) && next !== 'code') next = 'expression';
			visit(child, next);
		}
	};
	visit(parse(source, { modern: true }).fragment, 'template');
	return found;
}

const components = (folder: string): string[] =>
	readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		return entry.isDirectory() ? components(path) : entry.name.endsWith('.svelte') ? [path] : [];
	});

describe('French text of the components', () => {
	it('comes from the catalogue in every .svelte file', () => {
		const offenders = components('src').flatMap((file) => literalFrench(readFileSync(file, 'utf8')).map((text) => `${file}: ${text}`));
		expect(offenders).toEqual([]);
	});

	it('is caught when written in a template', () => {
		const page = `<script lang="ts">
	import { common } from '$lib/i18n/fr/common';
	let { late }: { late: boolean } = $props();
</script>

<h1>{common.app.name}</h1>
<p>Vos soutenances apparaîtront ici.</p>
<input placeholder="Nom ou adresse e-mail" class="wide" />
<p>{late ? 'En retard' : common.app.tagline}</p>
<span class={late ? 'badge late' : 'badge'}>α</span>
<style>
	p::after { content: 'Pas ceci'; }
</style>`;
		expect(literalFrench(page)).toEqual(['Vos soutenances apparaîtront ici.', 'placeholder="Nom ou adresse e-mail"', 'En retard']);
	});
});
