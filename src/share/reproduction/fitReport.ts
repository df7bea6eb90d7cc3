import { MAX_REPORT_CHARS } from './reportBudget';

export interface Section {
  title: string;
  body: string;
  /** Sections with a rank are cut, lowest first, when the report is too long. */
  cutRank?: number;
}

/**
 * The report with its sections, cutting whole sections (the least needed first) while it is
 * longer than MAX_REPORT_CHARS, so fences stay balanced and the report says what is missing.
 */
export function fitReport(title: string, sections: Section[]): string {
  const render = () =>
    [title, ...sections.map((section) => `## ${section.title}\n\n${section.body}`)].join('\n\n') +
    '\n';
  let report = render();
  const candidates = sections
    .filter((section) => section.cutRank !== undefined)
    .sort((a, b) => (a.cutRank ?? 0) - (b.cutRank ?? 0));
  for (const section of candidates) {
    if (report.length <= MAX_REPORT_CHARS) break;
    const size = section.body.length;
    section.body = `_Cut: this section (${Math.ceil(size / 1000)} KB) did not fit in the report’s limit of ${
      MAX_REPORT_CHARS / 1000
    } KB.${section.title === 'Link' ? ' Use Copy share link for the link.' : ''}_`;
    report = render();
  }
  return report;
}
