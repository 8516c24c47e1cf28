# load

# YAML 格式
yaml-fullwidth-colon = 键 `{ $key }` 后面是全角冒号 `：`
yaml-fullwidth-colon-help = 键后面的冒号请用半角输入：`{ $key }: …`
yaml-unknown-key = 不认识的键 `{ $key }`
yaml-allowed-keys = 这里可以用的键有：{ $keys }
yaml-missing-key = 缺少键 `{ $key }`
yaml-missing-key-help = 请加一行 `{ $key }: …`
yaml-duplicate-key = `{ $key }` 写了两次
yaml-duplicate-some-key = 有一个键写了两次
yaml-duplicate-key-help = 只保留其中一个
yaml-second-document = 这里开始了第二个 YAML 文档（一行 `---`）
yaml-second-document-help = 一个文件只放一组设置：请删除 `---` 这一行
yaml-too-large = 文件展开后过大（别名 `*名称` 会重复其锚点的值）
yaml-too-large-help = 请直接写出各个值，不要反复使用别名；gongwen 限制别名的展开，以免一个文件耗尽内存
yaml-value-missing = 这里缺少值
yaml-value-missing-help = 请在冒号后写上值，或删除这一行
yaml-number-too-large = 数字 `{ $value }` 太大
yaml-number-too-large-help = 请写一个较小的整数
yaml-expected-whole-number = 这里应为整数，写的是 `{ $value }`
yaml-expected-whole-number-help = 请用阿拉伯数字书写，如 2020
yaml-expected-number = 这里应为数字，写的是 `{ $value }`
yaml-expected-number-help = 请用阿拉伯数字书写，如 12 或 0.5
yaml-expected-boolean = 这里应为 true 或 false，写的是 `{ $value }`
yaml-expected-boolean-help = 请写 `true` 或 `false`
yaml-expected-single-found-list = 这里应为单个值，写的是列表
yaml-expected-single-found-keys = 这里应为单个值，写的是一组键
yaml-expected-single-found-other = 这里应为单个值，写的是其他类型的值
yaml-check-line = 请检查这一行和上一行的缩进、冒号和引号
yaml-tab = 这里用了制表符（Tab），YAML 要求用空格
yaml-tab-help = 请用空格缩进，不要用制表符
yaml-invalid = YAML 格式有误：{ $reason }

# 项目
no-notices = 没有找到通知
no-notices-help = 请把通知写成 content/notices/<名称>.md（前置信息 + Markdown 正文）
tasks-without-registry = 任务清单中写了单位，但没有 { $file }
tasks-without-registry-help = 请在 { $file } 中列出各单位和分组
tasks-no-ids = 任务没有编号
tasks-no-ids-help = 这样总结只能按序号对应任务，插入任务后序号会变：请运行 `gongwen tasks --write-ids` 为每项任务写入一次编号
attachment-twice = 附件 `{ $file }` 列了两次
attachment-twice-help = 每个附件只列一次
submission-outside-year = 未读取：总结应放在年度文件夹中
submission-outside-year-help = 请移到 content/submissions/<年度>/，如 content/submissions/2020/
year-folder-rename = 请把文件夹命名为 { $year }
year-folder-bad = 文件夹名 `{ $name }` 不是年度
submission-twice = { $unit }已在 { $file } 中报送过
submission-twice-help = 每个单位每年只保留一份总结
submission-file-name = 文件名为 `{ $slug }`，但报送单位是{ $unit }（{ $id }）
submission-file-name-help = 请命名为 { $id }.md，便于查找各单位的文件

# 读取文件
what-file = 该文件
what-registry = 单位名册
what-task-list = 任务清单
what-submission = 总结
what-settings = 项目设置
read-no-such-file = 无法读取{ $what }：文件不存在
read-failed = 无法读取{ $what }：{ $reason }
read-is-folder = 无法读取{ $what }：这是一个文件夹
read-too-large = { $what }有 { $size } MB，gongwen 只读取不超过 { $limit } MB 的文件
read-too-large-help = 请拆分成几个文件，或确认是否选错了文件
read-not-utf8 = 无法读取{ $what }：不是 UTF-8 编码的文本
read-not-utf8-help = 请把文件另存为 UTF-8 编码的文本（记事本或 WPS：另存为，编码选 UTF-8）
invisible-character = 文中有不可见字符 U+{ $code }
invisible-character-help = 请删除它：它打印不出来或会打乱版式（常随从网页或 PDF 复制的文字带入）
cannot-read-folder-help = 请检查该文件夹能否读取（权限设置）
folder-not-read = 这里的文件夹不会被读取
folder-not-read-help = 请把其中的 .{ $ext } 文件移到上一级文件夹
file-not-read = 未读取：这里只读取 .{ $ext } 文件
file-not-read-help = 如果是内容文件，请把扩展名改为 .{ $ext }；否则请移出 content/

# 项目文件夹和设置
project-cannot-open = 无法打开项目文件夹：{ $reason }
project-folder-help = 请用 --project 文件夹 指定含有 content/ 的文件夹（或在该文件夹中运行 gongwen）
project-not-folder = 不是文件夹
link-outside = 这个链接指向项目之外（{ $target }）；gongwen 只读取项目内的文件
link-outside-help = 请把文件复制到项目中，不要用链接
link-dangling = 这个链接指向的文件不存在
link-dangling-help = 请删除该链接，或让它指向项目内的文件
no-settings = { $folder } 中没有项目设置
no-settings-help = 请在项目文件夹（含 content/gongwen.yaml 的文件夹）中运行 gongwen，或用 --project 文件夹 指定
base-path-unused = `site.base_path` 不再使用
base-path-unused-help = 请删除这一行：网站中的链接都是相对链接，放在任何路径下都能用
organ-empty = `organ`（发文机关）没有填写
organ-empty-help = 请写明发文机关：它印在发文机关标志和署名中
front-matter-missing = 文件开头没有前置信息
front-matter-missing-help = 文件请以一行 `---` 开头，接着写 YAML 设置（title、date 等），再以一行 `---` 结束
front-matter-open = 前置信息没有结束
front-matter-open-help = 请在正文前用一行 `---` 结束 YAML 设置
field-empty = `{ $key }` 没有填写
date-format-help = 日期请写成 YYYY-MM-DD，如 2020-04-29
number-out-of-range = `{ $key }` 为 { $value }，超出范围
number-not-a-number = `{ $key }` 不是数字
number-range-help = 请用 { $from } 至 { $to } 之间的值（默认为 { $default }）
not-a-year = `{ $value }` 不是年度
not-a-year-help = 请写完整的年度，如 2020

# 单位名册
unit-did-you-mean = 是否要写 `{ $name }`？（单位和分组列在 { $file } 中）
unit-add-it = 请把它加入 { $file }，或使用其中列出的名称或简称
unit-is-group = `{ $name }` 是分组，不是单位
unit-is-group-help = 请写一个单位；分组代表多个单位
unit-unknown = 未知单位 `{ $name }`
registry-empty-name = 编号、名称或简称为空
registry-empty-name-help = 请删除或填写
registry-name-taken = `{ $name }` 已在第 { $line } 行使用
registry-name-taken-help = 每个编号、名称和简称只能指一个单位或分组
registry-member-is-group = 分组成员 `{ $name }` 本身是分组
registry-member-is-group-help = 请直接列出各个单位

# 文种格式和发文机关
format-unknown = 不认识的格式 `{ $name }`
format-unknown-help = 请写 文件（默认）、信函、命令 或 纪要
issuing-empty-help = 请填写，或删除这一行以使用发文机关（{ $organ }）
letter-no-key = `{ $key }` 在信函格式中不印出
letter-no-key-help = GB/T 9704 第 10.1 条：信函格式的版记不含印发机关和印发日期；请删除这一行
minutes-no-key = `{ $key }` 在纪要格式中不印出
minutes-no-signer-help = GB/T 9704 第 10.3 条：纪要不署名；出席人员请列在 `present:` 下
minutes-no-seal-help = 纪要不署名、不加盖印章；请删除这一行
minutes-only-key = `{ $key }` 只用于纪要格式
minutes-only-key-help = 请加上 `format: 纪要`，或删除这一行
order-only-signer-title = `signer_title` 只用于命令格式的签名章
order-only-signer-title-help = 请加上 `format: 命令`，或删除这一行
order-several-signers = `signer` 写了多人
order-several-signers-help = 命令只加盖一个签名章（GB/T 9704 第 7.3.5.3 条）：请只写一位签发人
seal-note-several-signers = `seal_note` 不能与多个署名同用
seal-note-several-signers-help = 印章说明只用于单一署名之下；请删除它，或只写一个署名
order-needs-signer = 命令需要写 `signer`
order-needs-signer-help = GB/T 9704 第 7.3.5.3 条：命令加盖签发人签名章；请加上如 `signer: 张三` 和 `signer_title: 区长`
