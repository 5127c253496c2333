import { fr } from '$lib/i18n/fr';
import { FIELD_LABELS, columnLetter, matchHeaders, type CandidateField } from '../import/headers';
import type { Sheet } from '../import/sheet';
import {
	cleanText,
	displayName,
	extraTimeIn,
	isYes,
	parseArrangements,
	parseEmail,
	parseExtraTime,
	parseExtraTimeMinutes,
	readMinutes,
	parseTags,
	parseTimeZone,
	parseUnavailability,
	teamKey,
	type Parsed,
	type TimeRange
} from '../import/values';
import {
	FIRST_NAMES_MAX,
	isFranceCountry,
	parseAccessMode,
	parseBirthDate,
	parseCommuneCode,
	parseCountryCode,
	parseName,
	parseSex,
	type CivilStatus
} from '../accrochage/civil-status';

const problemText = fr.people.problems;

export interface ImportProblem {
	severity: 'error' | 'warning';
	/** Line in the file (1 = first line), or null for the file as a whole. */
	line: number | null;
	/** The column's header as written in the file, or the expected name when it is missing. */
	column: string | null;
	/** Spreadsheet reference of the cell ("J5"), when there is one. */
	cell: string | null;
	message: string;
}

/** One candidate as the import will write them. */
export interface CandidateDraft {
	line: number;
	email: string;
	firstName: string;
	lastName: string;
	displayName: string;
	cohort: string | null;
	company: string | null;
	projectTitle: string;
	projectAbstract: string | null;
	tags: string[];
	team: string | null;
	timezone: string;
	extraTimePercent: number;
	/** Accommodations other than extra time, as the coordinator wrote them. */
	otherArrangements: string | null;
	unavailability: TimeRange[];
	/** The candidate account this e-mail already has (registered in another session), if any. */
	existingUserId: string | null;
	/** The civil status columns the file gives (null: empty or absent), for the declaration to the CDC. */
	civilStatus: CivilStatus;
}

export interface ExistingAccount {
	userId: string;
	role: string;
	registeredInSession: boolean;
}

/** What the database knows that the file must agree with. */
export interface ImportContext {
	sessionTimezone: string;
	/** yyyy-mm-dd: birth dates must be before it (the server gives today). */
	today?: string;
	/** The épreuve's spoken time (presentation and questions), against which extra minutes become a percentage. */
	examMinutes: number;
	accounts: ReadonlyMap<string, ExistingAccount>;
	/** The candidates already registered in this session. */
	registrations: readonly { email: string; team: string | null; projectTitle: string }[];
}

export interface ImportReview {
	drafts: CandidateDraft[];
	problems: ImportProblem[];
	errorCount: number;
	warningCount: number;
}

export const TEXT_LIMITS = {
	name: 100,
	email: 254,
	short: 200,
	projectTitle: 300,
	projectAbstract: 5000,
	team: 100,
	otherArrangements: 1000
} as const;

/**
 * Checks a whole candidate file against the session: every problem, located by line and column,
 * and the candidates as they would be imported. The file may be imported only when no problem
 * has severity "error". Team rule: a team name must be shared by at least two candidates among
 * this file and the session's registrations; members' project titles should match (warning).
 */
export function reviewCandidateSheet(sheet: Sheet, context: ImportContext): ImportReview {
	const problems: ImportProblem[] = [];
	const header = matchHeaders(sheet.header);
	const headerLabel = (index: number) => cleanText(sheet.header[index]) || columnLetter(index);
	for (const field of header.missing) {
		problems.push({
			severity: 'error',
			line: sheet.headerLine,
			column: FIELD_LABELS[field],
			cell: null,
			message: problemText.missingColumn(FIELD_LABELS[field])
		});
	}
	const columnWarning = (column: { label: string; index: number }, message: string) =>
		problems.push({
			severity: 'warning',
			line: sheet.headerLine,
			column: column.label,
			cell: `${columnLetter(column.index)}${sheet.headerLine}`,
			message
		});
	for (const column of header.refused)
		problems.push({
			severity: 'error',
			line: sheet.headerLine,
			column: column.label,
			cell: `${columnLetter(column.index)}${sheet.headerLine}`,
			message: problemText.refusedColumn(column.label, column.kind)
		});
	for (const column of header.unknown) columnWarning(column, problemText.unknownColumn(column.label));
	for (const column of header.repeated) columnWarning(column, problemText.repeatedColumn(column.label, headerLabel(column.firstIndex)));

	const drafts: CandidateDraft[] = [];
	const firstLineOfEmail = new Map<string, number>();
	for (const row of sheet.rows) {
		const report = (field: CandidateField | null, message: string, severity: 'error' | 'warning' = 'error') => {
			const index = field === null ? undefined : header.columns[field];
			problems.push({
				severity,
				line: row.line,
				column: index === undefined ? (field ? FIELD_LABELS[field] : null) : headerLabel(index),
				cell: index === undefined ? null : `${columnLetter(index)}${row.line}`,
				message
			});
		};
		const cell = (field: CandidateField) => {
			const index = header.columns[field];
			return index === undefined ? '' : (row.cells[index] ?? '');
		};
		const take = <T>(field: CandidateField, parsed: Parsed<T>, fallback: T): T => {
			if (parsed.ok) return parsed.value;
			report(field, parsed.message);
			return fallback;
		};
		const text = (field: CandidateField, max: number, requiredMessage?: string): string => {
			const value = cleanText(cell(field));
			if (requiredMessage && value === '' && header.columns[field] !== undefined) report(field, requiredMessage);
			if (value.length > max) report(field, fr.people.tooLong(max));
			return value;
		};

		// Extra time in percent, in minutes (converted, and said so), or in the arrangements' words: never dropped.
		const readAccommodations = (): { extraTimePercent: number; otherArrangements: string | null } => {
			const percent = take('extraTime', parseExtraTime(cell('extraTime'), context.examMinutes), 0);
			const inMinutes = take('extraTimeMinutes', parseExtraTimeMinutes(cell('extraTimeMinutes'), context.examMinutes), 0);
			for (const [field, value] of [
				['extraTime', percent],
				['extraTimeMinutes', inMinutes]
			] as const) {
				const raw = cleanText(cell(field));
				const minutes = readMinutes(field === 'extraTimeMinutes' && /^\d+(?:[.,]\d+)?$/.test(raw) ? `${raw} min` : raw);
				if (minutes !== null && value > 0) report(field, problemText.minutesConverted(minutes, context.examMinutes, value), 'warning');
			}
			if (percent > 0 && inMinutes > 0 && percent !== inMinutes)
				report('extraTimeMinutes', problemText.extraTimeColumnsDisagree(percent, inMinutes));
			const given = Math.max(percent, inMinutes);
			const arrangements = cell('otherArrangements');
			// « oui » does not say which arrangement: refused rather than guessed.
			if (isYes(arrangements)) {
				report('otherArrangements', problemText.arrangementUnsaid(cleanText(arrangements)));
				return { extraTimePercent: given, otherArrangements: null };
			}
			// A cell that only gives extra time ("tiers-temps", "25 %", "10 min") is that extra time, unless a column says otherwise.
			const bare = parseExtraTime(arrangements, context.examMinutes);
			const onlyExtraTime = bare.ok && bare.value > 0 && (given === 0 || given === bare.value);
			const otherArrangements = onlyExtraTime
				? null
				: take('otherArrangements', parseArrangements(arrangements, TEXT_LIMITS.otherArrangements), null);
			const written = bare.ok && onlyExtraTime ? bare.value : otherArrangements === null ? null : extraTimeIn(otherArrangements);
			if (given > 0 || written === null) return { extraTimePercent: given, otherArrangements };
			const label = headerLabel(header.columns.otherArrangements!);
			report('otherArrangements', problemText.extraTimeFromArrangements(label, written), 'warning');
			return { extraTimePercent: written, otherArrangements };
		};

		if (row.cells.slice(sheet.header.length).some((value) => cleanText(value) !== '')) report(null, problemText.extraCells, 'warning');

		const firstName = text('firstName', TEXT_LIMITS.name, fr.people.firstNameRequired);
		const lastName = text('lastName', TEXT_LIMITS.name, fr.people.lastNameRequired);
		const email = header.columns.email === undefined ? '' : take('email', parseEmail(cell('email')), '');
		const projectTitle = text('projectTitle', TEXT_LIMITS.projectTitle, fr.people.projectTitleRequired);
		const timezone = take('timezone', parseTimeZone(cell('timezone'), context.sessionTimezone), context.sessionTimezone);
		const { extraTimePercent, otherArrangements } = readAccommodations();
		const draft: CandidateDraft = {
			line: row.line,
			email,
			firstName,
			lastName,
			displayName: displayName(firstName, lastName),
			cohort: text('cohort', TEXT_LIMITS.short) || null,
			company: text('company', TEXT_LIMITS.short) || null,
			projectTitle,
			projectAbstract: text('projectAbstract', TEXT_LIMITS.projectAbstract) || null,
			tags: parseTags(text('tags', TEXT_LIMITS.projectAbstract)),
			team: text('team', TEXT_LIMITS.team) || null,
			timezone,
			extraTimePercent,
			otherArrangements,
			unavailability: take('unavailability', parseUnavailability(cell('unavailability'), timezone), []),
			existingUserId: null,
			civilStatus: readCivilStatus(cell, take, context.today ?? '9999-12-31')
		};

		if (email) {
			const firstLine = firstLineOfEmail.get(email);
			const account = context.accounts.get(email);
			if (firstLine !== undefined) report('email', problemText.duplicateInFile(email, firstLine));
			else firstLineOfEmail.set(email, row.line);
			if (account && account.role !== 'candidate') report('email', fr.people.emailIsStaff(email));
			else if (account?.registeredInSession) report('email', fr.people.alreadyRegistered(email));
			else if (account) {
				draft.existingUserId = account.userId;
				report('email', problemText.existingAccount, 'warning');
			}
		}
		drafts.push(draft);
	}

	problems.push(
		...reviewTeams(
			drafts,
			context,
			header.columns.team === undefined ? null : headerLabel(header.columns.team),
			header.columns.team,
			header.columns.projectTitle
		)
	);
	problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	const errorCount = problems.filter((problem) => problem.severity === 'error').length;
	return { drafts, problems, errorCount, warningCount: problems.length - errorCount };
}

/** The civil status columns of a line: each value checked, a wrong one reported in its cell. */
function readCivilStatus(
	cell: (field: CandidateField) => string,
	take: <T>(field: CandidateField, parsed: Parsed<T>, fallback: T) => T,
	today: string
): CivilStatus {
	const labels = FIELD_LABELS;
	const country = cell('birthCountryCode');
	const status: CivilStatus = {
		birthName: take('birthName', parseName(cell('birthName'), labels.birthName), null),
		usageName: take('usageName', parseName(cell('usageName'), labels.usageName), null),
		firstNames: take('givenNames', parseName(cell('givenNames'), labels.givenNames, FIRST_NAMES_MAX), null),
		birthDate: take('birthDate', parseBirthDate(cell('birthDate'), today), null),
		sex: take('sex', parseSex(cell('sex')), null),
		birthCommuneCode: take('birthCommuneCode', parseCommuneCode(cell('birthCommuneCode')), null),
		// « France » in a country column: born in France, the commune says where.
		birthCountryCode: isFranceCountry(country) ? null : take('birthCountryCode', parseCountryCode(country), null),
		birthPlaceLabel: take('birthPlaceLabel', parseName(cell('birthPlaceLabel'), labels.birthPlaceLabel), null),
		accessMode: take('accessMode', parseAccessMode(cell('accessMode')), null)
	};
	if (status.birthCommuneCode && status.birthCountryCode)
		take('birthCountryCode', { ok: false, message: fr.accrochage.invalid.bothPlaces }, null);
	return status;
}

/** The valid e-mails of a sheet, to look their accounts up before the review. */
export function sheetEmails(sheet: Sheet): string[] {
	const column = matchHeaders(sheet.header).columns.email;
	if (column === undefined) return [];
	const emails = sheet.rows.map((row) => parseEmail(row.cells[column] ?? '')).flatMap((parsed) => (parsed.ok ? [parsed.value] : []));
	return [...new Set(emails)];
}

/** Gives every member of a team the same spelling of its name and checks the team rule. */
function reviewTeams(
	drafts: CandidateDraft[],
	context: ImportContext,
	teamColumn: string | null,
	teamIndex: number | undefined,
	titleIndex: number | undefined
): ImportProblem[] {
	const problems: ImportProblem[] = [];
	const teams = new Map<string, { spelling: string; drafts: CandidateDraft[]; registered: { projectTitle: string }[] }>();
	for (const registration of context.registrations) {
		if (!registration.team) continue;
		const key = teamKey(registration.team);
		const team = teams.get(key) ?? { spelling: cleanText(registration.team), drafts: [], registered: [] };
		team.registered.push(registration);
		teams.set(key, team);
	}
	for (const draft of drafts) {
		if (!draft.team) continue;
		const key = teamKey(draft.team);
		const team = teams.get(key) ?? { spelling: draft.team, drafts: [], registered: [] };
		team.drafts.push(draft);
		teams.set(key, team);
	}
	for (const team of teams.values()) {
		if (team.drafts.length === 0) continue;
		for (const draft of team.drafts) draft.team = team.spelling;
		const first = team.drafts[0];
		if (team.drafts.length + team.registered.length < 2) {
			problems.push({
				severity: 'error',
				line: first.line,
				column: teamColumn,
				cell: teamIndex === undefined ? null : `${columnLetter(teamIndex)}${first.line}`,
				message: problemText.teamAlone(team.spelling)
			});
			continue;
		}
		const titles = [...new Set([...team.registered, ...team.drafts].map((member) => member.projectTitle).filter(Boolean))];
		if (titles.length > 1) {
			problems.push({
				severity: 'warning',
				line: first.line,
				column: FIELD_LABELS.projectTitle,
				cell: titleIndex === undefined ? null : `${columnLetter(titleIndex)}${first.line}`,
				message: problemText.teamTitles(team.spelling, titles)
			});
		}
	}
	return problems;
}
