# --help：命令说明、参数说明和标题（选项名和命令名保持英文，因为要照原样输入）。

help-usage = 用法
help-commands = 命令
help-arguments = 参数
help-options = 选项

about-gongwen = 用 YAML 和 Markdown 排印符合 GB/T 9704-2012 的党政机关公文
about-build = 生成全部文件到 out/（PDF 在 out/pdf/）
about-check = 读取、检查并校对全部内容，不写任何文件；有错误时以非零状态退出
about-clean = 删除 gongwen 在 out/ 下写出的文件（不动其他文件）
about-init = 新建项目：可直接生成的简易起步项目，或用 --example 写入示例
about-fonts = 显示 GB/T 9704 各用途所用的字体
about-export = 把每份任务清单写成 .xlsx 和 .csv（带 BOM 的 UTF-8）到 out/tasks/
about-import = 读入任务表（import tasks 文件.xlsx，或 import 文件.xlsx）或各单位交回的 Word 文件（import submission 文件.docx…）
about-import-tasks = 从 .xlsx 或 .csv（导出的格式）读入任务表，输出任务清单 YAML
about-import-submission = 把各单位交回的 Word 文件（gongwen new submission --docx 生成的表单或单位自拟的总结）读入 content/submissions/<年度>/<单位>.md
about-new = 新建待填写的文件：gongwen new notice，gongwen new submission <单位> [--docx]
about-new-notice = 新建通知：本年下一个可用的发文字号，成文日期为今天
about-new-submission = 新建单位年度工作总结，列出该单位牵头和配合的全部任务
about-serve = 生成后在 127.0.0.1 上预览 out/site，内容改动时重新生成并刷新浏览器
about-tasks = 列出任务清单，或某单位牵头和配合的任务（含所在分组的任务）

arg-help = 显示帮助
arg-version = 显示版本
arg-project = 项目文件夹（含 content/ 的文件夹），默认为当前文件夹
arg-font_paths = 另外查找字体的文件夹（查找 gongwen.yaml 中指定的字体），可多次给出
arg-no_system_fonts = 只用内置字体和 --font-path 文件夹中的字体，不用本机安装的字体

arg-build-emit_typst = 同时在每个 PDF 旁写出生成的 Typst 源文件
arg-build-out = 输出文件夹（默认：<项目>/out）
arg-build-no_site = 不生成静态网站
arg-build-no_proofread = 不显示校对提醒
arg-build-no_docx = 不生成 Word 文件（out/docx）

arg-check-strict = 把每条警告都当作错误（退出状态为 1），供要求严格把关的单位使用
arg-check-format = 输出格式：text（默认）；json 为每条诊断在标准输出写一行 JSON（file、line、column、severity、rule、message、suggestion、fix），供编辑器和持续集成使用
arg-check-no_proofread = 不做校对

arg-clean-out = 输出文件夹（默认：<项目>/out）

arg-init-dir = 新建项目所在的文件夹（默认：当前文件夹或 --project）
arg-init-example = 写入内置示例（2020 年的一份通知、任务清单和四份总结）

arg-export-out = 输出文件夹（默认：<项目>/out/tasks）

arg-import-file = 任务表文件
arg-import-output = 把 YAML 写到此文件，不在屏幕上输出（已有文件时不覆盖，除非给出 --force）
arg-import-force = 替换 --output 指定的任务清单：任务保留原编号，读入成功后才替换文件
arg-import-year = 任务清单的年度（表中没有写明时，或要改动时）
arg-import-due = 总结报送截止日期（YYYY-MM-DD），表中没有写明时使用

arg-import-submission-files = .docx 文件，每个单位一个
arg-import-submission-unit = 报送单位：不是 gongwen 表单的文件需要写明
arg-import-submission-year = 总结所属年度（默认：gongwen.yaml 中的 year）
arg-import-submission-date = 报送日期，YYYY-MM-DD（默认：文件中写的日期）
arg-import-submission-force = 替换已有的总结

arg-new-submission-unit = 单位的编号、名称或简称（用 --all 时不写）
arg-new-submission-year = 年度（默认：gongwen.yaml 中的 year）
arg-new-submission-docx = 为该单位写出待填写的 Word 表单（out/forms/<年度>/<单位>.docx），填好后用 gongwen import submission 读回
arg-new-submission-all = 与 --docx 同用：为每个需要报送总结的单位各写一份表单

arg-serve-port = 端口（默认 8000；0 为自动选择空闲端口）
arg-serve-bind = 监听地址：127.0.0.1（默认，仅本机），或本机在办公网络中的地址（或 0.0.0.0），让同事在其他电脑上预览
arg-serve-open = 生成后在浏览器中打开网站

arg-tasks-unit = 单位的编号、名称或简称
arg-tasks-write_ids = 为没有编号的任务清单中的每项任务写入编号（t1、t2……），只写一次

clap-unknown-argument = 不认识的参数 `{ $arg }`
clap-unknown-command = 没有 `{ $command }` 这个命令
clap-invalid-value = `{ $arg }` 的值 `{ $value }` 不可用（可用：{ $valid }）
clap-value-validation = `{ $arg }` 的值 `{ $value }` 不可用：{ $reason }
clap-missing-argument = 缺少必需的参数 { $arg }
clap-missing-command = 缺少命令
clap-missing-value = { $arg } 后面缺少值
clap-conflict = { $arg } 不能与 { $other } 同时使用
clap-wrong-number = { $arg } 的值个数不对
clap-no-equals = { $arg } 的值须用 = 连接
clap-other = 命令行有误（{ $reason }）
clap-help = 运行 gongwen --help 查看用法
clap-did-you-mean = 是否要写 `{ $suggestion }`？

# 参数值的占位名
help-command-value = 命令
value-project = 文件夹
value-font_paths = 文件夹
value-out = 文件夹
value-dir = 文件夹
value-format = 格式
value-file = 文件
value-files = 文件
value-output = 文件
value-year = 年度
value-due = 日期
value-date = 日期
value-unit = 单位
value-port = 端口
value-bind = 地址
