# check

# 字体
role-title = 小标宋（标题、发文机关标志）
role-body = 仿宋（正文）
role-hei = 黑体（“一、”标题、密级、附件标识）
role-kai = 楷体（“（一）”标题、签发人姓名）
role-song = 宋体（页码）
font-path-missing = --font-path：没有这个文件夹
font-path-missing-help = 请指定存放字体文件（.ttf、.otf、.ttc）的文件夹
font-damaged = 字体“{ $family }”不能使用：文件已损坏或没有字形轮廓
font-damaged-help = 请换一份完好的字体文件，或把它移出字体文件夹；在此之前使用内置字体
font-from-file = { $family }（{ $file }）
font-installed = { $family }（本机安装）
font-embedded = { $family }（内置）
char-fallback = `{ $char }`（U+{ $code }）不在{ $role }字体（{ $font }）中，改用{ $fallback }显示
char-fallback-help = 它可能与前后的字略有不同；在 content/gongwen.yaml 的 `fonts: { $key }:` 下写明含有该字的{ $role }字体，即可用它显示
char-missing = 没有字体能以{ $role }显示 `{ $char }`（U+{ $code }）：{ $fonts } 中没有这个字
char-missing-help = 请换掉这个字，或安装含有该字的字体并写在 content/gongwen.yaml 的 `fonts: { $key }:` 下（或用 --font-path 文件夹 指定）
chars-missing-more-help = 文字可能属于字体不支持的文种；请检查上面列出的字
chars-missing-more = 另有 { $n } 个字没有字体能显示

# 输出文件
name-too-long = 生成的文件名有 { $bytes } 字节，文件系统最多允许 { $limit } 字节
name-too-long-help = 请缩短名称（单位编号、发文字号或文件名）
same-docno = 与 { $file } 的发文字号相同
same-docno-help = 每份通知须有自己的发文字号；两份都要等改成不同后才会写出
same-output = 将与 { $file } 写到同一个文件 { $path }
same-output-help = 每份文件须有自己的名称（发文字号、文件名或单位编号）；两份都要等改成不同后才会写出
placeholder-left = 这里还是模板中的占位文字
placeholder-left-help = 请在这里写上实际内容；含有占位文字的文件不会发布
document-too-large = { $what }的文字有 { $size } MB，gongwen 一份文件最多排印 { $limit } MB
document-too-large-help = 请拆分成几份文件
what-notice-with-attachments = 通知及其附件
what-year-report = { $year }年度报告
out-file-in-the-way = 这里是一个文件，但 gongwen 要在这里写一个文件夹
out-file-in-the-way-help = 请把该文件移走，或用 --out 文件夹 生成到别处
report-not-rebuilt = { $year }年度报告没有重新生成：其中汇编的内容有错误（见上文）
report-not-rebuilt-help = 请先改正这些错误；在此之前保留上次生成的年度报告
