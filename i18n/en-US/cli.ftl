# What the commands print.

wrote = wrote { $path }
wrote-pages = wrote { $path } ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
})
wrote-site = wrote { $path } ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $changed ->
    [one] 1 file
   *[other] { $changed } files
} changed)
kept-files = kept { $n ->
    [one] 1 unchanged file
   *[other] { $n } unchanged files
} (already up to date)
removed = removed { $path }
removed-stale = removed { $path } (no longer produced by the content)
nothing-to-remove = nothing to remove in { $path }
checked-ok = ok: { $notices ->
    [one] 1 notice
   *[other] { $notices } notices
}, { $lists ->
    [one] 1 task list
   *[other] { $lists } task lists
}, { $submissions ->
    [one] 1 submission
   *[other] { $submissions } submissions
} checked

fonts-not-found = not found: { $families } (configured under `fonts: { $key }:` in content/gongwen.yaml)
fonts-no-fallback = characters a role's font lacks: no fallback font found (such characters are errors)
fonts-fallbacks = characters a role's font lacks are drawn with: { $families } (each is reported as a warning)

unit-owes-nothing = { $unit } leads or supports no task of { $list }
unit-owes-nothing-help = only units named in the task list (directly or through a group) owe a summary
form-cannot-write = cannot write the form: { $reason }
no-year = no year given
no-year-help = pass --year, or set `year:` in content/gongwen.yaml
no-list-for-year = no task list has `year: { $year }`
no-list-for-year-help = pass --year for a year that has a task list
new-notice-exists-help = edit it, or give the new notice another number
new-submission-exists-help = edit the file, or remove it first to start again

import-nothing = nothing to import
import-nothing-help = gongwen import tasks FILE.xlsx, or gongwen import submission FILE.docx
import-word-not-table = a Word document is not a task table
import-word-not-table-help = to import a unit's year-end summary: gongwen import submission { $file }
import-exists-help = pass --force to replace it (its tasks keep their ids), or choose another --output
import-unit-one-file = --unit names the sender of one file
import-unit-one-file-help = import a document with --unit on its own
imported = imported { $file } → { $path }

init-next = next: cd { $dir } && gongwen build
init-exists = already exists; nothing was written
init-exists-help = init writes a new project: choose an empty folder (gongwen init DIR)

serving = serving { $url } (Ctrl-C to stop)
serving-network = serving { $url } to the network (Ctrl-C to stop)
serving-preview-note = this is a preview of drafts, not a server: anyone who can reach this machine can read them while it runs; publish out/site with a real web server
serve-no-browser = cannot open the browser ({ $reason }); open { $url } yourself

tasks-wrote-ids = wrote ids t1 to t{ $last } into { $path }
tasks-have-ids = every task list has ids already
tasks-lead = leads: { $units }
tasks-support = supports: { $units }
tasks-member-of = member of: { $groups }
tasks-lead-count = leads: { $n }
tasks-support-count = supports: { $n }
