# sheet

# importing task tables
what-spreadsheet = the spreadsheet
sheet-name = sheet `{ $name }`
sheet-cell = { $sheet }, row { $row }, column { $column }: { $problem }
sheet-no-header = { $sheet }: no header row 序号 | 工作任务 | 牵头单位 | 配合单位
sheet-no-header-help = the table needs that header in columns A to D (export a list with `gongwen export` to see the layout)
sheet-no-title = { $sheet }: no title above the header row
sheet-no-title-help = put the list's title in cell A1
sheet-replaced-unreadable = cannot read the task list it replaces: { $reason }
sheet-replaced-unreadable-help = fix that list first, or import into a new file
sheet-is-folder = is a folder, not a spreadsheet
sheet-is-folder-help = name the .xlsx or .csv file to import
sheet-kind = cannot import `.{ $ext }` files
sheet-old-kind-help = save the table as .xlsx (Excel, WPS: 另存为 .xlsx) or .csv (UTF-8)
sheet-kind-help = save the table as .xlsx or .csv (UTF-8)
sheet-year-bad = { $sheet }: { $label } `{ $value }` is not a year
sheet-year-bad-help = write the year as four digits, e.g. 2025, or pass --year
sheet-no-year = { $sheet }: does not say which year the list is for
sheet-no-year-help = pass --year (and --due for the date summaries are due), or keep the `{ $label }` row that `gongwen export` writes
sheet-too-big = a cell at row { $row }, column { $column } is beyond what gongwen reads ({ $rows } rows, { $columns } columns)
sheet-too-big-help = delete the stray cells far below or right of the table (Ctrl+End shows the last one)
csv-bad-row = row { $row }: not valid CSV: { $reason }
sheet-unreadable = cannot read the spreadsheet: { $reason }
sheet-no-sheets = the workbook has no sheets
sheet-named-unreadable = cannot read sheet `{ $name }`: { $reason }
sheet-not-a-number = `{ $value }` is not a task number
sheet-not-a-number-help = column A holds the task number (or nothing), or a category name alone on its row
sheet-task-before-category = a task before the first category row
sheet-task-before-category-help = put a row like `一、政策出台` above the first task
sheet-no-tasks = { $sheet }: no tasks below the header
sheet-id-bad-help = leave the 编号 cell of a new task empty: import gives it an id
sheet-id-copied = { $sheet }, row { $row }: task `{ $text }` gets the id { $id } (its 编号 { $old } is another row's)
sheet-id-given = { $sheet }, row { $row }: task `{ $text }` gets the id { $id } (it had no 编号)
sheet-task-no-text = the task has no text
sheet-task-no-lead = the task has no lead unit (牵头单位)

# Office files
office-protected = { $what } is password-protected or in the old binary Office format
office-protected-help = remove the password, and save it in the current format (.xlsx / .docx) in Excel, WPS or Word
office-damaged = { $what } is damaged or not an Office file
office-damaged-help = open it in Excel, WPS or Word and save it again
office-bomb = { $what } unpacks to far more than a table or document holds
office-bomb-help = it may be damaged or made to exhaust the memory; save the content again in a new file
