# sheet

# 读入任务表
what-spreadsheet = 表格
sheet-name = 工作表“{ $name }”
sheet-cell = { $sheet } 第 { $row } 行 { $column } 列：{ $problem }
sheet-no-header = { $sheet }：没有“序号 | 工作任务 | 牵头单位 | 配合单位”表头行
sheet-no-header-help = 表格的 A 至 D 列需要这一表头（用 `gongwen export` 导出一份清单即可看到格式）
sheet-no-title = { $sheet }：表头行上方没有标题
sheet-no-title-help = 请把清单标题写在 A1 单元格
sheet-replaced-unreadable = 无法读取要替换的任务清单：{ $reason }
sheet-replaced-unreadable-help = 请先改正那份清单，或读入到一个新文件
sheet-is-folder = 这是文件夹，不是表格
sheet-is-folder-help = 请指定要读入的 .xlsx 或 .csv 文件
sheet-kind = 不能读入 .{ $ext } 文件
sheet-old-kind-help = 请把表格另存为 .xlsx（Excel、WPS：另存为 .xlsx）或 .csv（UTF-8）
sheet-kind-help = 请把表格另存为 .xlsx 或 .csv（UTF-8）
sheet-year-bad = { $sheet }：{ $label }“{ $value }”不是年度
sheet-year-bad-help = 年度请写四位数字，如 2025，或用 --year 指定
sheet-no-year = { $sheet }：没有写明任务清单的年度
sheet-no-year-help = 请用 --year 指定（总结报送截止日期用 --due），或保留 `gongwen export` 写出的“{ $label }”行
sheet-too-big = 第 { $row } 行第 { $column } 列的单元格超出 gongwen 读取的范围（{ $rows } 行、{ $columns } 列）
sheet-too-big-help = 请删除表格下方或右侧远处的零散单元格（按 Ctrl+End 可找到最后一个）
csv-bad-row = 第 { $row } 行不是有效的 CSV：{ $reason }
sheet-unreadable = 无法读取表格：{ $reason }
sheet-no-sheets = 工作簿中没有工作表
sheet-named-unreadable = 无法读取工作表“{ $name }”：{ $reason }
sheet-not-a-number = `{ $value }` 不是任务序号
sheet-not-a-number-help = A 列写任务序号（或空着），分类名称单独占一行
sheet-task-before-category = 第一个分类行之前有任务
sheet-task-before-category-help = 请在第一项任务上方加一行分类，如“一、政策出台”
sheet-no-tasks = { $sheet }：表头下方没有任务
sheet-id-bad-help = 新任务的“编号”单元格请留空：读入时会自动编号
sheet-id-copied = { $sheet } 第 { $row } 行：任务“{ $text }”编号为 { $id }（原编号 { $old } 与另一行重复）
sheet-id-given = { $sheet } 第 { $row } 行：任务“{ $text }”编号为 { $id }（原来没有编号）
sheet-task-no-text = 任务没有内容
sheet-task-no-lead = 任务没有牵头单位

# Office 文件
office-protected = { $what }设有密码，或是旧版二进制 Office 格式
office-protected-help = 请取消密码，并在 Excel、WPS 或 Word 中另存为新格式（.xlsx / .docx）
office-damaged = { $what }已损坏或不是 Office 文件
office-damaged-help = 请在 Excel、WPS 或 Word 中打开后重新保存
office-bomb = { $what }解压后远大于表格或文件应有的大小
office-bomb-help = 文件可能已损坏，或被做成耗尽内存的样子；请把内容另存为一个新文件
