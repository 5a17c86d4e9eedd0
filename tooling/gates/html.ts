/** HTML gate: html-validate with the project's committed .htmlvalidate.json. */
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** Errors (not warnings) html-validate reports for these files, one line each. */
export async function htmlErrors(files: readonly string[]): Promise<string[]> {
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) errors.push(`${result.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  return errors;
}
