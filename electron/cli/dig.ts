import { writeFile } from 'node:fs/promises';
import type { OpName, OpOutput } from '../../shared/api/contract';
import { formatDate, londonDate, parseDate } from '../../shared/domain/format';
import { findDigMeeting, generatePapers, packTitle } from '../core/papers';
import type { Session } from '../core/session';
import type { Output } from './run';

type Call = <K extends OpName>(op: K, input: unknown) => Promise<OpOutput<K>>;

export interface DigArgs {
  db: string;
  doubleDistrict: string | undefined;
  meeting: string | undefined;
  out: string | undefined;
  pdf: boolean;
}

/**
 * `sid export dig`: the District Intervention/Resource Group's pack for a double district's meeting,
 * saved with the meeting as the app saves it, and written out as the workbook or (--pdf) the PDF. The
 * pack is kept in the file, so a file someone else has open is refused, naming them. Exit codes as
 * the rest of sid: 0 done, 1 refused, 2 a usage error.
 */
export async function runDig(session: Session, args: DigArgs, call: Call, output: Output): Promise<number> {
  if (!args.doubleDistrict || !args.out)
    return usage(
      output,
      'sid export dig --db FILE --double-district NAME [--meeting DATE] [--pdf] --out FILE',
    );
  const on = args.meeting === undefined ? null : parseDate(args.meeting);
  if (args.meeting !== undefined && on === null)
    return usage(output, `--meeting "${args.meeting}" is not a date: write it like 25/11/2026`);
  await call('app.open', { path: args.db });

  const org = await call('organisation.get', {});
  const wanted = args.doubleDistrict.trim().toLowerCase();
  const countyWide = wanted === 'county-wide' || wanted === 'all';
  const found = org.doubleDistricts.find((d) => d.name.toLowerCase() === wanted);
  if (!found && !countyWide) {
    output.err(
      `There is no double district "${args.doubleDistrict}". Known: ${org.doubleDistricts.map((d) => d.name).join('; ')}; or county-wide`,
    );
    return 1;
  }
  const doubleDistrictId = found?.id ?? null;
  const today = londonDate(session.now());
  let meeting = findDigMeeting(session, doubleDistrictId, on);
  if (!meeting) {
    const saved = await call('meetings.save', {
      draft: {
        heldOn: on ?? today,
        kind: 'District Intervention/Resource Group',
        doubleDistrictId,
        attendees: [],
        agenda: '',
        minutes: '',
        decisions: [],
      },
    });
    meeting = findDigMeeting(session, doubleDistrictId, saved.heldOn)!;
    output.out(`There was no such meeting, so the ${packTitle(meeting)} was added to the file.`);
  }
  const { content, workbook, pdf } = await generatePapers(session, meeting.id);
  await writeFile(args.out, args.pdf ? pdf : workbook);
  output.out(
    `Wrote the ${args.pdf ? 'PDF' : 'workbook'} of the papers for the ${packTitle(meeting)} to ${args.out}; they are saved with the meeting.`,
  );
  output.out(
    content.previous
      ? `Changes are since the papers of ${formatDate(content.previous.heldOn)}.`
      : 'This is the first pack: there are no earlier papers of this group to compare with.',
  );
  return 0;
}

function usage(output: Output, line: string): number {
  output.err(`Usage: ${line}`);
  return 2;
}
