# load

# YAML syntax
yaml-fullwidth-colon = the key `{ $key }` is followed by a full-width colon `：`
yaml-fullwidth-colon-help = type the colon after a key in half width: `{ $key }: …`
yaml-unknown-key = unknown key `{ $key }`
yaml-allowed-keys = the keys allowed here are: { $keys }
yaml-missing-key = missing key `{ $key }`
yaml-missing-key-help = add a line `{ $key }: …`
yaml-duplicate-key = `{ $key }` is given twice
yaml-duplicate-some-key = a key is given twice
yaml-duplicate-key-help = keep one of them
yaml-second-document = a second YAML document starts here (a line `---`)
yaml-second-document-help = the file holds one set of settings: remove the `---` line
yaml-too-large = the file expands to too much (aliases `*name` repeat their anchors' values)
yaml-too-large-help = write the values out instead of repeating aliases; gongwen limits them so a file cannot exhaust the memory
yaml-value-missing = a value is missing here
yaml-value-missing-help = write the value after the colon, or remove the line
yaml-number-too-large = the number `{ $value }` is too large
yaml-number-too-large-help = write a smaller whole number
yaml-expected-whole-number = expected a whole number, found `{ $value }`
yaml-expected-whole-number-help = write the number in Arabic digits, e.g. 2020
yaml-expected-number = expected a number, found `{ $value }`
yaml-expected-number-help = write the number in Arabic digits, e.g. 12 or 0.5
yaml-expected-boolean = expected true or false, found `{ $value }`
yaml-expected-boolean-help = write `true` or `false`
yaml-expected-single-found-list = expected a single value here, found a list
yaml-expected-single-found-keys = expected a single value here, found a set of keys
yaml-expected-single-found-other = expected a single value here, found a different kind of value
yaml-check-line = check the indentation, colons and quotes on this line and the one above
yaml-tab = a tab character where YAML needs spaces
yaml-tab-help = indent with spaces, not tabs
yaml-invalid = invalid YAML: { $reason }

# the project
no-notices = no notices found
no-notices-help = write a notice as content/notices/<name>.md (front matter + Markdown)
tasks-without-registry = the task list names units but there is no { $file }
tasks-without-registry-help = list the units and groups in { $file }
tasks-no-ids = the tasks have no ids
tasks-no-ids-help = summaries then name tasks by number, which changes when a task is inserted: run `gongwen tasks --write-ids` to give each task an id once
attachment-twice = attachment `{ $file }` is listed twice
attachment-twice-help = list each attachment once
submission-outside-year = not read: a submission goes in a year's folder
submission-outside-year-help = move it to content/submissions/<year>/, e.g. content/submissions/2020/
year-folder-rename = name the folder { $year }
year-folder-bad = `{ $name }` is not a year as a folder name
submission-twice = { $unit } already submitted in { $file }
submission-twice-help = keep one submission per unit and year
submission-file-name = the file is named `{ $slug }` but reports for { $unit } ({ $id })
submission-file-name-help = name it { $id }.md, so each unit's file is easy to find

# reading files
what-file = the file
what-registry = the unit registry
what-task-list = the task list
what-submission = the submission
what-settings = the project settings
read-no-such-file = cannot read { $what }: there is no such file
read-failed = cannot read { $what }: { $reason }
read-is-folder = cannot read { $what }: it is a folder
read-too-large = { $what } is { $size } MB; gongwen reads files of at most { $limit } MB
read-too-large-help = split it into several files, or check that it is the file you meant
read-not-utf8 = cannot read { $what }: it is not UTF-8 text
read-not-utf8-help = save the file as UTF-8 text (in Notepad or WPS: 另存为, 编码 UTF-8)
invisible-character = an invisible character U+{ $code } in the text
invisible-character-help = delete it: it prints as nothing or disturbs the layout (it often comes with text pasted from a web page or a PDF)
cannot-read-folder-help = check that the folder can be read (its permissions)
folder-not-read = a folder here is not read
folder-not-read-help = move its .{ $ext } files up into the folder above
file-not-read = not read: only .{ $ext } files are read here
file-not-read-help = rename it to end in .{ $ext } if it is content, or move it out of content/

# the project folder and settings
project-cannot-open = the project folder cannot be opened: { $reason }
project-folder-help = pass --project DIR naming the folder that holds content/ (or run gongwen in it)
project-not-folder = is not a folder
link-outside = leads outside the project (to { $target }); gongwen reads only files inside it
link-outside-help = copy the file into the project instead of linking to it
link-dangling = is a link to nothing
link-dangling-help = remove the link or point it at a file inside the project
no-settings = there are no project settings in { $folder }
no-settings-help = run gongwen in a project folder (one with content/gongwen.yaml), or pass --project DIR
base-path-unused = `site.base_path` is not used
base-path-unused-help = remove the line: every link in the site is relative, so it works under any path
organ-empty = `organ` is empty
organ-empty-help = name the issuing organ (发文机关): it is printed as the 发文机关标志 and the signature
front-matter-missing = the file does not start with front matter
front-matter-missing-help = begin the file with a line `---`, the YAML settings (title, date …), and another `---`
front-matter-open = the front matter is not closed
front-matter-open-help = end the YAML settings with a line `---` before the text
field-empty = `{ $key }` is not filled in
date-format-help = write the date as YYYY-MM-DD, e.g. 2020-04-29
number-out-of-range = `{ $key }` is { $value }
number-not-a-number = `{ $key }` is not a number
number-range-help = use a value from { $from } to { $to } (the default is { $default })
not-a-year = `{ $value }` is not a year
not-a-year-help = write the year in full, e.g. 2020

# the unit registry
unit-did-you-mean = did you mean `{ $name }`? (units and groups are listed in { $file })
unit-add-it = add it to { $file }, or use a name or alias listed there
unit-is-group = `{ $name }` is a group, not a unit
unit-is-group-help = name one unit; a group stands for several
unit-unknown = unknown unit `{ $name }`
registry-empty-name = empty id, name or alias
registry-empty-name-help = remove it or fill it in
registry-name-taken = `{ $name }` is already used at line { $line }
registry-name-taken-help = ids, names and aliases must each name one unit or group
registry-member-is-group = group member `{ $name }` is a group
registry-member-is-group-help = list the units themselves

# formats and the issuing organ
format-unknown = unknown format `{ $name }`
format-unknown-help = write 文件 (the default), 信函, 命令 or 纪要
issuing-empty-help = write it, or remove the line to use the organ ({ $organ })
letter-no-key = `{ $key }` is not printed in the 信函格式
letter-no-key-help = GB/T 9704 §10.1: a letter's 版记 has no 印发机关和印发日期; remove the line
minutes-no-key = `{ $key }` is not printed in the 纪要格式
minutes-no-signer-help = GB/T 9704 §10.3: 纪要 carry no signature; list who attended under `present:`
minutes-no-seal-help = 纪要 carry no signature or seal; remove the line
minutes-only-key = `{ $key }` belongs to the 纪要格式
minutes-only-key-help = add `format: 纪要`, or remove the line
order-only-signer-title = `signer_title` belongs to the 签名章 of the 命令格式
order-only-signer-title-help = add `format: 命令`, or remove the line
order-several-signers = `signer` names several people
order-several-signers-help = a 命令 is signed with one 签名章 (GB/T 9704 §7.3.5.3): name one signer
seal-note-several-signers = `seal_note` cannot go with several signers
seal-note-several-signers-help = a seal note stands under a single 署名; remove it, or name one signer
order-needs-signer = a 命令 needs `signer`
order-needs-signer-help = GB/T 9704 §7.3.5.3: a 命令 is signed with the signer's 签名章; add e.g. `signer: 张三` and `signer_title: 区长`
