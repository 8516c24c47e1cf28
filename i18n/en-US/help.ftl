# --help: what each command and argument does, and the headings (option and command names stay
# English everywhere: they are typed).

help-usage = Usage
help-commands = Commands
help-arguments = Arguments
help-options = Options

about-gongwen = Typesets Chinese official documents (GB/T 9704-2012) from YAML and Markdown
about-build = Build every document into out/ (PDFs in out/pdf/)
about-check = Load, check and proofread everything; writes nothing. Exits non-zero on any error
about-clean = Remove what gongwen wrote under out/ (nothing else)
about-init = Start a project: a small starter that builds at once, or --example
about-fonts = Show which font serves each GB/T 9704 role
about-export = Write every task list as .xlsx and .csv (UTF-8 with BOM) to out/tasks/
about-import = Read a task table (import tasks FILE.xlsx, or import FILE.xlsx) or units' returned Word documents (import submission FILE.docx…)
about-import-tasks = A task table from .xlsx or .csv (the export layout), printed as tasks YAML
about-import-submission = Units' returned Word documents (the form of gongwen new submission --docx, or a summary of their own) into content/submissions/<year>/<unit>.md
about-new = Create a file to fill in: gongwen new notice, gongwen new submission <unit> [--docx]
about-new-notice = A notice with the next free 发文字号 of this year and today's date, to fill in
about-new-submission = A year-end summary for a unit, pre-filled with every task it leads or supports
about-serve = Build, serve out/site on 127.0.0.1, rebuild on changes and reload the browser
about-tasks = List the tasks, or what one unit leads and supports (groups expanded)

arg-help = Print help
arg-version = Print version
arg-project = The project folder (the one holding content/); default: the current folder
arg-font_paths = A folder with extra fonts (searched for the families named in gongwen.yaml); repeatable
arg-no_system_fonts = Use only the embedded fonts and --font-path folders, not the fonts installed on this machine

arg-build-emit_typst = Also write the generated Typst source next to each PDF
arg-build-out = Output folder (default: <project>/out)
arg-build-no_site = Skip the static site
arg-build-no_proofread = Leave out the proofreading warnings
arg-build-no_docx = Skip the Word documents (out/docx)

arg-check-strict = Make every warning an error (exit code 1): a gate for offices that want one
arg-check-format = Output format: text (default); json writes one JSON object per diagnostic on stdout (file, line, column, severity, rule, message, suggestion, fix), for editors and CI
arg-check-no_proofread = Leave out the proofreading

arg-clean-out = The output folder (default: <project>/out)

arg-init-dir = The folder to create the project in (default: the current folder, or --project)
arg-init-example = Write the bundled example (a notice of 2020, its task list and four summaries)

arg-export-out = Output folder (default: <project>/out/tasks)

arg-import-file = The spreadsheet
arg-import-output = Write the YAML here instead of printing it (refuses to overwrite without --force)
arg-import-force = Replace the task list at --output: its tasks keep their ids, and the file is replaced only when the import succeeds
arg-import-year = The list's year, when the spreadsheet does not say it (or to change it)
arg-import-due = When the summaries are due (YYYY-MM-DD), when the spreadsheet does not say it

arg-import-submission-files = The .docx files, one per unit
arg-import-submission-unit = The unit that sent it: needed for a document that is not a gongwen form
arg-import-submission-year = The year the summaries are for (default: year in gongwen.yaml)
arg-import-submission-date = The day it was sent, YYYY-MM-DD (default: the date written in the document)
arg-import-submission-force = Replace a submission that already exists

arg-new-submission-unit = The unit's id, name or alias (none with --all)
arg-new-submission-year = The year (default: year in gongwen.yaml)
arg-new-submission-docx = Write a Word form for the unit to fill in (out/forms/<year>/<unit>.docx), to be read back with gongwen import submission
arg-new-submission-all = With --docx: a form for every unit that owes a summary

arg-serve-port = Port (default 8000; 0 picks a free one)
arg-serve-bind = The address to listen on: 127.0.0.1 (default, this machine only), or this machine's address on the office network (or 0.0.0.0) so a colleague can preview from another PC
arg-serve-open = Open the site in the browser once it is built

arg-tasks-unit = A unit's id, name or alias
arg-tasks-write_ids = Give every task of the lists without ids an id (t1, t2 …), written into the list once

clap-unknown-argument = unknown argument `{ $arg }`
clap-unknown-command = there is no command `{ $command }`
clap-invalid-value = `{ $value }` is not a valid value for `{ $arg }` (valid: { $valid })
clap-value-validation = `{ $value }` is not a valid value for `{ $arg }`: { $reason }
clap-missing-argument = the required argument { $arg } is missing
clap-missing-command = a command is missing
clap-missing-value = { $arg } needs a value
clap-conflict = { $arg } cannot be used with { $other }
clap-wrong-number = wrong number of values for { $arg }
clap-no-equals = the value of { $arg } must follow an =
clap-other = the command line is wrong ({ $reason })
clap-help = run gongwen --help to see how to use it
clap-did-you-mean = did you mean `{ $suggestion }`?

# the placeholders of values
help-command-value = COMMAND
value-project = DIR
value-font_paths = DIR
value-out = DIR
value-dir = DIR
value-format = FORMAT
value-file = FILE
value-files = FILES
value-output = FILE
value-year = YEAR
value-due = DATE
value-date = DATE
value-unit = UNIT
value-port = PORT
value-bind = ADDR
